using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Notify.LocalParts;

/// <summary>A Node.js program from the repo's node_modules (Azurite, maildev) on loopback ports.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="script"/> (relative to node_modules) and waits until its output has a line matching each
    /// of <paramref name="announcements"/>, which a program prints once it listens; returns those matches. Waiting for
    /// the program's own words, not for a port to accept, means another process on the same port is never taken for it.
    /// </summary>
    public static async Task<(NodeProcess Process, Match[] Announced)> StartAsync(string script, string arguments, params Regex[] announcements)
    {
        var path = System.IO.Path.Combine(RepoRoot.Path, "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {RepoRoot.Path}.");
        }
        var announced = announcements.Select(_ => new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node", $"\"{path}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        void Read(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line)
            {
                return;
            }
            if (output.Count < 50)
            {
                output.Enqueue(line);
            }
            for (var i = 0; i < announcements.Length; i++)
            {
                if (announcements[i].Match(line) is { Success: true } match)
                {
                    announced[i].TrySetResult(match);
                }
            }
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process);
        var all = Task.WhenAll(announced.Select(a => a.Task));
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(all, exited, Task.Delay(TimeSpan.FromSeconds(60))) != all)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"{script} did not start: {string.Join(" | ", output)}");
        }
        return (node, await all);
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
