namespace Notify.IntegrationTests.Support;

/// <summary>A private Azurite (blob, queue, table) on free ports with its data in a temporary folder.</summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly NodeTool _tool;
    private readonly string _folder;

    private Azurite(NodeTool tool, string folder, string connectionString) => (_tool, _folder, ConnectionString) = (tool, folder, connectionString);

    /// <summary>The connection string for all three services.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite and waits for it.</summary>
    public static async Task<Azurite> StartAsync()
    {
        int blob = NodeTool.FreePort(), queue = NodeTool.FreePort(), table = NodeTool.FreePort();
        var folder = Directory.CreateTempSubdirectory("notify-azurite-").FullName;
        // --skipApiVersionCheck: the queue and table clients ask for newer service versions than Azurite 3.37 knows.
        var tool = await NodeTool.StartAsync(
            "azurite/dist/src/azurite.js",
            $"--silent --skipApiVersionCheck --loose --disableTelemetry --location \"{folder}\" " +
            $"--blobPort {blob} --queuePort {queue} --tablePort {table}",
            table);
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
                         $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
                         $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
                         $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return new Azurite(tool, folder, connection);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _tool.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
