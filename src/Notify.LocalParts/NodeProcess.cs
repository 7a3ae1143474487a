using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Notify.LocalParts;

/// <summary>A Node.js program from the repo's node_modules (Azurite, maildev) on loopback ports.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="script"/> (relative to node_modules) and waits until <paramref name="readyPort"/> accepts.</summary>
    public static async Task<NodeProcess> StartAsync(string script, string arguments, int readyPort)
    {
        var path = System.IO.Path.Combine(RepoRoot.Path, "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {RepoRoot.Path}.");
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
        var node = new NodeProcess(process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync(readyPort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await node.DisposeAsync();
                throw new InvalidOperationException($"{script} did not start listening on {readyPort}.");
            }
            await Task.Delay(100);
        }
        return node;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The process's peak resident memory (VmHWM) in bytes, where /proc has it.</summary>
    public long? PeakResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
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
