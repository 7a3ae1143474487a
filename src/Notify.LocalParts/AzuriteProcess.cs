using System.Text.RegularExpressions;

namespace Notify.LocalParts;

/// <summary>A private Azurite (blob, queue, table) on free loopback ports with its data in a temporary folder.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account key.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _folder;

    private AzuriteProcess(NodeProcess process, string folder, int tablePort, string connectionString) =>
        (Process, _folder, TablePort, ConnectionString) = (process, folder, tablePort, connectionString);

    /// <summary>The Node.js process.</summary>
    public NodeProcess Process { get; }

    /// <summary>The table service's port.</summary>
    public int TablePort { get; }

    /// <summary>The connection string for all three services.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts Azurite and waits until it answers. <paramref name="inMemory"/> keeps its data in memory only
    /// (<c>--inMemoryPersistence</c>): on disk, Azurite appends every queue message to one file, one write at a time,
    /// each flushed, and under load queue sends then wait seconds (see docs/BENCHMARKS.md, part 8).
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(bool inMemory = false)
    {
        var folder = Directory.CreateTempSubdirectory("notify-azurite-").FullName;
        // Azurite refuses --location with --inMemoryPersistence; the empty folder is still made and removed.
        var storage = inMemory ? "--inMemoryPersistence" : $"--location \"{folder}\"";
        // Port 0: the system gives each service a port no other process holds, and Azurite says which.
        // --skipApiVersionCheck: the SDK clients ask for newer service versions than Azurite 3.37 knows.
        var (process, announced) = await NodeProcess.StartAsync(
            "azurite/dist/src/azurite.js",
            $"--silent --skipApiVersionCheck --loose --disableTelemetry {storage} --blobPort 0 --queuePort 0 --tablePort 0",
            Listening("Blob"), Listening("Queue"), Listening("Table"));
        var (blob, queue, table) = (Port(announced[0]), Port(announced[1]), Port(announced[2]));
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                         $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
                         $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
                         $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return new AzuriteProcess(process, folder, table, connection);
    }

    private static Regex Listening(string service) => new($@"Azurite {service} service is successfully listening at http://127\.0\.0\.1:(\d+)");

    private static int Port(Match announced) => int.Parse(announced.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
