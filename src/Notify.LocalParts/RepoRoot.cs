namespace Notify.LocalParts;

/// <summary>The folder holding Notify.sln (node_modules lives there).</summary>
public static class RepoRoot
{
    /// <summary>The repository root.</summary>
    public static readonly string Path = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Notify.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Notify.sln not found above " + AppContext.BaseDirectory);
    }
}
