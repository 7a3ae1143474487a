using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Notify.LocalParts;
using Notify.SelfHost;
using Notify.Storage;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The real app for a test collection: the self-host on a free port (Kestrel + WebJobs queue listener) over a private
/// Azurite. Tests talk HTTP to it, as merchants do.
/// </summary>
public class NotifyApp : IAsyncLifetime
{
    /// <summary>The operator key the app is started with.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>The key that seals webhook secrets at rest in tests.</summary>
    public static readonly string SecretKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    /// <summary>The key that signs console session cookies (base64 of 32 bytes).</summary>
    public const string ConsoleSessionKey = "dGVzdC1jb25zb2xlLXNlc3Npb24ta2V5LTMyLWJ5dGU=";

    /// <summary>The Twilio auth token shared by the app and the sandbox (it signs the callbacks).</summary>
    public const string TwilioAuthToken = "sandbox-test-token";

    /// <summary>The SOLAPI key pair shared by the app and the KakaoTalk sandbox.</summary>
    public const string SolapiApiKey = "NCSTESTKEY000001", SolapiApiSecret = "test-api-secret";

    private AzuriteProcess? _azurite;
    private MaildevProcess? _maildev;
    private WebApplication? _sandbox;
    private WebApplication? _kakao;
    private WebApplication? _app;

    /// <summary>The Twilio sandbox the app's SMS goes to.</summary>
    public SandboxClient Sandbox { get; private set; } = null!;

    /// <summary>The KakaoTalk (SOLAPI) sandbox the app's AlimTalks go to.</summary>
    public KakaoSandboxClient Kakao { get; private set; } = null!;

    /// <summary>The maildev web API, where the app's e-mail lands.</summary>
    public MailboxClient Mailbox { get; private set; } = null!;

    /// <summary>Storage faults a test can arm in the running app (inert until armed).</summary>
    public StorageFaults StorageFaults { get; } = new();

    /// <summary>The app's clock; merchants sign with it.</summary>
    public virtual TimeProvider Clock => TimeProvider.System;

    /// <summary>The running app's services, for looking behind the API and driving what a timer would.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Settings added to (or overriding) the defaults below, as <c>--Key=Value</c>.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Services a fixture adds or replaces after the app's own (a storage request counter).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The process id of the app's Azurite, for pausing storage (SIGSTOP) in fault tests.</summary>
    public int AzuriteProcessId => _azurite!.Process.Id;

    /// <summary>An HTTP client pointed at the app.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The app's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The storage clients the app uses, for looking behind the API.</summary>
    public StorageClients Storage => _app!.Services.GetRequiredService<StorageClients>();

    /// <summary>The Azurite connection string.</summary>
    public string StorageConnection => _azurite!.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            await StartPartsAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start, or its processes outlive the run.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _maildev = await MaildevProcess.StartAsync();
        Mailbox = new MailboxClient(_maildev.Web);

        _sandbox = TwilioSandbox.TwilioSandboxApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.AuthToken = TwilioAuthToken;
            o.CallbackDelay = TimeSpan.FromMilliseconds(50);
            o.HangFor = TimeSpan.FromSeconds(30);
        });
        await _sandbox.StartAsync();
        var sandboxUrl = _sandbox.Urls.Single();
        Sandbox = new SandboxClient(new Uri(sandboxUrl));

        _kakao = Notify.KakaoSandbox.KakaoSandboxApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.ApiKey = SolapiApiKey;
            o.ApiSecret = SolapiApiSecret;
            o.ResultDelay = TimeSpan.FromMilliseconds(50);
            o.HangFor = TimeSpan.FromSeconds(30);
        });
        await _kakao.StartAsync();
        var kakaoUrl = _kakao.Urls.Single();
        Kakao = new KakaoSandboxClient(new Uri(kakaoUrl));

        // The app's own URL must be known before it starts: Twilio's callbacks are signed over it.
        BaseAddress = new Uri($"http://127.0.0.1:{NodeProcess.FreePort()}");
        _app = NotifySelfHost.Build(
        [
            "--urls", BaseAddress.ToString(),
            $"--AzureWebJobsStorage={_azurite.ConnectionString}",
            $"--Notify:AdminKey={AdminKey}",
            $"--Notify:SecretKey={SecretKey}",
            $"--Notify:ConsoleSessionKey={ConsoleSessionKey}",
            $"--Notify:PublicBaseUrl={BaseAddress.ToString().TrimEnd('/')}",
            // Webhook receivers in the tests listen on loopback.
            "--Notify:AllowPrivateWebhooks=true",
            "--Twilio:AccountSid=AC00000000000000000000000000000000",
            $"--Twilio:AuthToken={TwilioAuthToken}",
            "--Twilio:From=+15005550006",
            $"--Twilio:BaseUrl={sandboxUrl}",
            "--Twilio:Timeout=00:00:03",
            "--Twilio:RetryDelay=00:00:00.050",
            // The in-process circuit runs on real time; a short one keeps one test's outage from spilling into the next.
            "--Twilio:BreakFor=00:00:00.010",
            $"--Solapi:ApiKey={SolapiApiKey}",
            $"--Solapi:ApiSecret={SolapiApiSecret}",
            $"--Solapi:BaseUrl={kakaoUrl}",
            "--Solapi:Timeout=00:00:03",
            "--Solapi:RetryDelay=00:00:00.050",
            "--Solapi:BreakFor=00:00:00.010",
            "--Smtp:Host=127.0.0.1",
            $"--Smtp:Port={_maildev.SmtpPort}",
            "--Smtp:UseTls=None",
            "--Webhook:RetryDelay=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
            // Azure.Core logs every 404/409/412 as a warning; they are how idempotency and ETags work here.
            "--Logging:LogLevel:Azure.Core=Error",
            .. Settings,
        ], services =>
        {
            services.AddSingleton(Clock);
            services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.AddPolicy(StorageFaults, HttpPipelinePosition.PerRetry)));
            ConfigureServices(services);
        });
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Every entity in the merchant's partition of MerchantData.</summary>
    public async Task<List<TableEntity>> MerchantRowsAsync(string merchantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Storage.Table(StorageNames.MerchantDataTable).QueryAsync<TableEntity>(e => e.PartitionKey == merchantId))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Deadlines recorded for the merchant.</summary>
    public async Task<List<TableEntity>> DeadlinesAsync(string merchantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Storage.Table(StorageNames.DeadlinesTable).QueryAsync<TableEntity>(e => e.GetString("MerchantId") == merchantId))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_sandbox is not null)
        {
            await _sandbox.StopAsync();
            await _sandbox.DisposeAsync();
        }
        if (_kakao is not null)
        {
            await _kakao.StopAsync();
            await _kakao.DisposeAsync();
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
}

/// <summary>Tests that share one running app.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<NotifyApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "app";
}
