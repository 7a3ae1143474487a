namespace Notify.IntegrationTests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The folder holding Notify.sln.</summary>
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notify.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Notify.sln not found above " + AppContext.BaseDirectory);
    }
}
