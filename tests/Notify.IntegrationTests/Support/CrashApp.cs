using System.Diagnostics;
using System.Net.Sockets;
using Notify.LocalParts;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The self-host as its own process over a private Azurite and maildev, so a test can kill it with SIGKILL mid-load and
/// start it again on the same storage, as a crashed instance is replaced.
/// </summary>
public sealed class CrashApp : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private MaildevProcess? _maildev;
    private Process? _host;

    /// <summary>The maildev web API.</summary>
    public MailboxClient Mailbox { get; private set; } = null!;

    /// <summary>The running self-host's address (a new port after each start).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _maildev = await MaildevProcess.StartAsync();
        Mailbox = new MailboxClient(_maildev.Web);
        await StartAsync();
    }

    /// <summary>Starts a self-host process on a free port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var port = NodeProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "Notify.SelfHost.dll"),
            "--urls", BaseAddress.ToString(),
            $"--AzureWebJobsStorage={_azurite!.ConnectionString}",
            $"--Notify:AdminKey={NotifyApp.AdminKey}",
            $"--Notify:SecretKey={NotifyApp.SecretKey}",
            $"--Notify:PublicBaseUrl={BaseAddress.ToString().TrimEnd('/')}",
            // Orders the crash cut off after storing are fanned out, and sends cut off after their claim are settled, by the sweep.
            "--Notify:FanOutTimeout=00:00:03", "--Notify:SendPickupTimeout=00:00:10", "--Notify:SweepSchedule=*/2 * * * * *",
            "--Twilio:AccountSid=AC00000000000000000000000000000000", "--Twilio:AuthToken=unused", "--Twilio:From=+15005550006",
            "--Twilio:BaseUrl=http://127.0.0.1:9",
            "--Smtp:Host=127.0.0.1", $"--Smtp:Port={_maildev!.SmtpPort}", "--Smtp:UseTls=None",
            "--Logging:LogLevel:Default=Warning",
        ];
        var start = new ProcessStartInfo("dotnet", args)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await AcceptsAsync(port))
        {
            if (_host.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The self-host did not start listening on {port}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, connections cut.</summary>
    public void Kill()
    {
        _host!.Kill(entireProcessTree: true);
        _host.WaitForExit();
        _host.Dispose();
        _host = null;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            Kill();
        }
        if (_maildev is not null)
        {
            await _maildev.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>Tests that kill their own self-host process.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<CrashApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "crash";
}
