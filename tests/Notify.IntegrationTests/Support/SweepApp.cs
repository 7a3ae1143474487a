using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels.Kakao;
using Notify.Channels.Sms;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The app on a fake clock, with the sweep's timer off: tests move time past a deadline and run the sweep themselves,
/// so stall detection is tested without waiting minutes.
/// </summary>
public sealed class SweepApp : NotifyApp
{
    /// <summary>How long an SMS waits for its receipt here.</summary>
    public static readonly TimeSpan SmsReceiptTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How long an AlimTalk waits for its result here.</summary>
    public static readonly TimeSpan KakaoReceiptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How often SOLAPI is asked for an AlimTalk's result here.</summary>
    public static readonly TimeSpan KakaoPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a channel that went down is skipped.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(2);

    /// <summary>Failures that take a channel down here.</summary>
    public const int FailureThreshold = 3;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public override TimeProvider Clock => _clock;

    /// <summary>Moves the app's clock on.</summary>
    public void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>
    /// Starts a test from healthy channels, an empty outage ledger and a well-behaved sandbox: health is shared by the
    /// whole app, so one test's failures must not take a channel down for the next.
    /// </summary>
    public async Task FreshStartAsync()
    {
        await Sandbox.SetModeAsync("normal");
        await Kakao.SetModeAsync("normal");
        // The outage ledger too: a test that counts outages must not see another test's.
        foreach (var name in new[] { Notify.Storage.StorageNames.ChannelHealthTable, Notify.Storage.StorageNames.OutagesTable })
        {
            var table = Storage.Table(name);
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }
        // And from an empty ledger, so a test counts only its own outages.
        var ledger = Storage.Table(Notify.Storage.StorageNames.OutagesTable);
        await foreach (var row in ledger.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            await ledger.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        // The in-process circuits too: one a test left open (on this fake clock) lets a single trial call through after
        // its break and refuses the calls beside it, which would fail the next test's sends as "circuit open".
        Services.GetRequiredService<TwilioPolicies>().CircuitBreaker.Breaker.Succeeded();
        Services.GetRequiredService<SolapiPolicies>().CircuitBreaker.Breaker.Succeeded();
        // Past the health cache's lifetime, so the app reads the table again.
        Advance(TimeSpan.FromSeconds(2));
    }

    /// <inheritdoc />
    protected override IEnumerable<string> Settings =>
    [
        "--Notify:SweepSchedule=",
        "--Notify:RetentionSchedule=",
        $"--Notify:SmsReceiptTimeout={SmsReceiptTimeout}",
        $"--Notify:KakaoReceiptTimeout={KakaoReceiptTimeout}",
        $"--Notify:KakaoPollInterval={KakaoPollInterval}",
        "--Notify:SendPickupTimeout=00:01:00",
        "--Notify:FanOutTimeout=00:01:00",
        $"--Notify:ChannelFailureThreshold={FailureThreshold}",
        "--Notify:ChannelFailureWindow=00:10:00",
        $"--Notify:ChannelCooldown={Cooldown}",
        "--Notify:ChannelProbes=1",
    ];
}

/// <summary>Tests that share the fake-clock app; they run one at a time, and apart from the other collection.</summary>
[CollectionDefinition(Name)]
public sealed class SweepCollection : ICollectionFixture<SweepApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "sweep";
}

/// <summary>A second fake-clock app of its own, for counting what a sweep reads without other tests' deadlines.</summary>
[CollectionDefinition(Name)]
public sealed class SweepCostCollection : ICollectionFixture<SweepApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "sweep-cost";
}

/// <summary>
/// A fake-clock app for KakaoTalk: the SOLAPI sandbox checks signatures against its own (real) clock and refuses a date
/// 15 minutes off, so these tests keep their clock moves short and apart from the other sweep tests'.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KakaoCollection : ICollectionFixture<SweepApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "kakao";
}

/// <summary>A fake-clock app for the merchant lifecycle (rotation grace periods, erasure, retention), apart from the sweep tests.</summary>
[CollectionDefinition(Name)]
public sealed class LifecycleCollection : ICollectionFixture<SweepApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "lifecycle";
}
