using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Notify.IntegrationTests.Support;

/// <summary>A Node.js program from the repo's node_modules (Azurite, maildev), started on free loopback ports.</summary>
public sealed class NodeTool : IAsyncDisposable
{
    private readonly Process _process;

    private NodeTool(Process process) => _process = process;

    /// <summary>Starts <paramref name="script"/> (relative to node_modules) and waits until <paramref name="readyPort"/> accepts connections.</summary>
    public static async Task<NodeTool> StartAsync(string script, string arguments, int readyPort)
    {
        var path = Path.Combine(Repo.Root, "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {Repo.Root} (the test script does).");
        }
        var process = Process.Start(new ProcessStartInfo("node", $"\"{path}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var tool = new NodeTool(process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync(readyPort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await tool.DisposeAsync();
                throw new InvalidOperationException($"{script} did not start listening on {readyPort}.");
            }
            await Task.Delay(100);
        }
        return tool;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
