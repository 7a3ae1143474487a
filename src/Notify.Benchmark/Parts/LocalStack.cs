using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Notify.Benchmark.Measure;
using Notify.LocalParts;
using Notify.SelfHost;

namespace Notify.Benchmark.Parts;

/// <summary>
/// Everything Notify talks to, started for one run on free loopback ports: Azurite and maildev (from node_modules), the
/// Twilio and KakaoTalk sandboxes and the self-host in this process. Every storage request the self-host makes is counted.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    /// <summary>The operator key the self-host is started with.</summary>
    public const string AdminKey = "bench-admin-key";

    private const string TwilioToken = "bench-twilio-token";
    private const string SolapiKey = "NCSBENCHKEY00001", SolapiSecret = "bench-solapi-secret";
    
    private readonly List<IAsyncDisposable> _parts = [];
    private StartedApp? _app;
    private int _smtpPort;

    /// <summary>The Azurite connection string.</summary>
    public string StorageConnection { get; private set; } = "";

    /// <summary>The table service port (the request counter tells tables from queues by it).</summary>
    public int TablePort { get; private set; }

    /// <summary>Counts the self-host's storage requests (its own clients and the WebJobs queue listener's).</summary>
    public RequestCounter AppRequests { get; private set; } = null!;


    /// <summary>The self-host's address.</summary>
    public Uri App { get; private set; } = null!;

    /// <summary>The running self-host's services (to call the sweep directly).</summary>
    public IServiceProvider Services { get; private set; } = null!;

    /// <summary>The sandbox's address.</summary>
    public Uri Sandbox { get; private set; } = null!;

    /// <summary>
    /// The Twilio sandbox's options, read per message: a part sets <see cref="TwilioSandbox.SandboxOptions.DeliveredMedian"/>
    /// and <see cref="TwilioSandbox.SandboxOptions.DeliveredP99"/> for realistic receipts and clears them after.
    /// </summary>
    public TwilioSandbox.SandboxOptions TwilioReceipts { get; private set; } = null!;

    /// <summary>The KakaoTalk (SOLAPI) sandbox's address.</summary>
    public Uri Kakao { get; private set; } = null!;

    /// <summary>maildev's web API.</summary>
    public Uri Mailbox { get; private set; } = null!;

    /// <summary>The Azurite process.</summary>
    public AzuriteProcess Azurite { get; private set; } = null!;

    /// <summary>Starts every part and waits until each answers; <paramref name="azuriteInMemory"/>: see <see cref="AzuriteProcess.StartAsync"/>.</summary>
    public static async Task<LocalStack> StartAsync(bool azuriteInMemory = false)
    {
        var stack = new LocalStack();
        try
        {
            await stack.StartPartsAsync(azuriteInMemory);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(bool azuriteInMemory)
    {
        Azurite = await AzuriteProcess.StartAsync(azuriteInMemory);
        _parts.Add(Azurite);
        StorageConnection = Azurite.ConnectionString;
        TablePort = Azurite.TablePort;

        var maildev = await MaildevProcess.StartAsync();
        _parts.Add(maildev);
        Mailbox = maildev.Web;
        var smtp = maildev.SmtpPort;

        var sandbox = TwilioSandbox.TwilioSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.AuthToken = TwilioToken;
                TwilioReceipts = o;
            });
        await sandbox.StartAsync();
        _parts.Add(new StartedApp(sandbox));
        // The options are made on first use: make them now, so TwilioReceipts is the instance the sandbox reads.
        _ = sandbox.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TwilioSandbox.SandboxOptions>>().Value;
        Sandbox = new Uri(sandbox.Urls.Single());

        var kakao = KakaoSandbox.KakaoSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.ApiKey = SolapiKey;
                o.ApiSecret = SolapiSecret;
                o.ResultDelay = TimeSpan.FromMilliseconds(50);
            });
        await kakao.StartAsync();
        _parts.Add(new StartedApp(kakao));
        Kakao = new Uri(kakao.Urls.Single());

        _smtpPort = smtp;
        AppRequests = new RequestCounter(TablePort, scoped: true);
        // One address for every self-host of the run, so HttpClients made for the first keep working after a restart.
        App = new Uri($"http://127.0.0.1:{NodeProcess.FreePort()}");
        await StartAppAsync([]);
    }

    /// <summary>
    /// Stops the self-host and starts a new one on the same address, storage, sandbox and SMTP server, with
    /// <paramref name="settings"/> (e.g. <c>--Notify:SweepSchedule=</c>) on top of the defaults. Requests are counted
    /// by the same counter. The new self-host starts from healthy channels: the health rows earlier parts left behind
    /// (3a's failing sandbox takes SMS down for everybody) are deleted first.
    /// </summary>
    public async Task RestartAppAsync(params string[] settings)
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
        var health = new Azure.Data.Tables.TableServiceClient(StorageConnection).GetTableClient(Notify.Storage.StorageNames.ChannelHealthTable);
        await foreach (var row in health.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await health.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        await StartAppAsync(settings);
    }

    // One key for every start: a restarted app must still open the webhook secrets it sealed before.
    private readonly string _secretKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private async Task StartAppAsync(string[] settings)
    {
        var app = NotifySelfHost.Build(
        [
            "--urls", App.ToString(),
            $"--AzureWebJobsStorage={StorageConnection}",
            $"--Notify:AdminKey={AdminKey}",
            $"--Notify:SecretKey={_secretKey}",
            $"--Notify:PublicBaseUrl={App.ToString().TrimEnd('/')}",
            "--Notify:AllowPrivateWebhooks=true",
            "--Twilio:AccountSid=AC00000000000000000000000000000000",
            $"--Twilio:AuthToken={TwilioToken}",
            "--Twilio:From=+15005550006",
            $"--Twilio:BaseUrl={Sandbox}",
            $"--Solapi:ApiKey={SolapiKey}",
            $"--Solapi:ApiSecret={SolapiSecret}",
            $"--Solapi:BaseUrl={Kakao}",
            "--Smtp:Host=127.0.0.1",
            $"--Smtp:Port={_smtpPort}",
            "--Smtp:UseTls=None",
            "--Logging:LogLevel:Default=Warning",
            // Azure.Core logs every 404/409/412 (how idempotency and ETags work here) and, at Information, every request.
            "--Logging:LogLevel:Azure.Core=Error",
            .. settings,
        ], services =>
        {
            services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.AddPolicy(AppRequests, HttpPipelinePosition.PerRetry)));
            services.AddTransient<IStartupFilter, RequestScope>();
        });
        await app.StartAsync();
        _app = new StartedApp(app);
        Services = app.Services;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await StopQuietlyAsync(_app);
            _app = null;
        }
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await StopQuietlyAsync(_parts[i]);
        }
    }

    private static async Task StopQuietlyAsync(IAsyncDisposable part)
    {
        try
        {
            await part.DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            Console.Error.WriteLine($"stopping a part: {ex.Message}");
        }
    }
}
