using System.Text.Json;

namespace Notify.SelfHost.Configuration;

/// <summary>Reads the <c>Values</c> of local.settings.json, so one file configures both hosts.</summary>
public static class LocalSettings
{
    /// <summary>Adds each <c>Values</c> entry as a setting (<c>Notify__AdminKey</c> becomes <c>Notify:AdminKey</c>).</summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>();
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var entry in section.EnumerateObject())
            {
                values[entry.Name.Replace("__", ":", StringComparison.Ordinal)] = entry.Value.ToString();
            }
        }
        return builder.AddInMemoryCollection(values);
    }
}
