using Microsoft.Extensions.Time.Testing;
using Notify.Channels.Health;
using Notify.Configuration;

namespace Notify.Core.Tests.Channels.Health;

public sealed class HealthRulesTests
{
    private static readonly NotifyOptions Options = new()
    {
        ChannelFailureThreshold = 3,
        ChannelFailureWindow = TimeSpan.FromMinutes(1),
        ChannelCooldown = TimeSpan.FromMinutes(2),
        ChannelProbes = 2,
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private ChannelHealthEntity NewRow() => new() { RowKey = "sms", WindowStart = _clock.GetUtcNow() };

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Threshold_failures_in_the_window_take_the_channel_down_and_open_one_outage()
    {
        var row = NewRow();
        var first = HealthRules.Fail(row, "503", Now, Options);
        HealthRules.Fail(row, "503", Now, Options);
        var tipping = HealthRules.Fail(row, "503", Now, Options);

        Assert.Null(first.Ledger);
        Assert.Equal(ChannelState.Down, row.Status);
        Assert.Equal(Now + Options.ChannelCooldown, row.CooldownUntil);
        var opened = Assert.IsType<OutageRecord>(tipping.Ledger);
        Assert.Equal("opened", opened.Event);
        Assert.Equal("sms", opened.PartitionKey);
        Assert.Equal(3, opened.Failures);
        Assert.Equal(Now, opened.Start);
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_add_up()
    {
        var row = NewRow();
        for (var i = 0; i < 10; i++)
        {
            HealthRules.Fail(row, "503", Now, Options);
            HealthRules.Fail(row, "503", Now, Options);
            _clock.Advance(Options.ChannelFailureWindow + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(ChannelState.Up, row.Status);
        Assert.Null(row.OutageId);
    }

    [Fact]
    public void Failures_while_down_count_against_the_open_outage_without_a_second_one()
    {
        var row = Down();

        var again = HealthRules.Fail(row, "timeout", Now, Options);

        Assert.Null(again.Ledger);
        Assert.Equal(4, row.OutageFailures);
        Assert.Equal(4, row.OutageAffected);
        Assert.Equal("timeout", row.LastError);
    }

    [Fact]
    public void No_probe_before_the_cool_down_ends_then_only_as_many_as_allowed()
    {
        var row = Down();

        Assert.Null(HealthRules.ClaimProbe(row, Now + Options.ChannelCooldown - TimeSpan.FromSeconds(1), Options));
        var later = Now + Options.ChannelCooldown;
        Assert.NotNull(HealthRules.ClaimProbe(row, later, Options));
        Assert.NotNull(HealthRules.ClaimProbe(row, later, Options));
        Assert.Null(HealthRules.ClaimProbe(row, later, Options));
        Assert.Equal(ChannelState.Probing, row.Status);
    }

    [Fact]
    public void Probe_slots_taken_without_a_verdict_come_back_after_another_cool_down()
    {
        var row = Down();
        var first = Now + Options.ChannelCooldown;
        HealthRules.ClaimProbe(row, first, Options);
        HealthRules.ClaimProbe(row, first, Options);

        // Neither probe reported (their deliveries went to another channel): the channel is still probing.
        Assert.Equal(ChannelState.Probing, row.Status);
        Assert.Null(HealthRules.ClaimProbe(row, first + Options.ChannelCooldown - TimeSpan.FromSeconds(1), Options));
        Assert.NotNull(HealthRules.ClaimProbe(row, first + Options.ChannelCooldown, Options));
    }

    [Fact]
    public void A_failed_probe_starts_another_cool_down()
    {
        var row = Down();
        _clock.Advance(Options.ChannelCooldown);
        HealthRules.ClaimProbe(row, Now, Options);

        HealthRules.Fail(row, "503", Now, Options);

        Assert.Equal(ChannelState.Down, row.Status);
        Assert.Equal(Now + Options.ChannelCooldown, row.CooldownUntil);
        Assert.Equal(0, row.Probes);
    }

    [Fact]
    public void Recovery_closes_the_outage_with_its_end_and_counts()
    {
        var row = Down();
        var start = row.OutageStart;
        HealthRules.Skipped(row);
        HealthRules.Rescued(row, "email");
        HealthRules.Rescued(row, "email");
        _clock.Advance(TimeSpan.FromMinutes(7));

        var change = HealthRules.Recover(row, Now)!;

        var closed = Assert.IsType<OutageRecord>(change.Ledger);
        Assert.Equal("closed", closed.Event);
        Assert.Equal(start, closed.Start);
        Assert.Equal(Now, closed.End);
        Assert.Equal(4, closed.Affected);
        Assert.Contains("\"email\":2", closed.ConfirmedInsteadJson);
        Assert.Equal(ChannelState.Up, row.Status);
        Assert.Null(row.OutageId);
    }

    [Fact]
    public void A_healthy_channel_changes_nothing_on_success_skip_or_rescue()
    {
        var row = NewRow();

        Assert.Null(HealthRules.Recover(row, Now));
        Assert.Null(HealthRules.Skipped(row));
        Assert.Null(HealthRules.Rescued(row, "email"));
        Assert.Null(HealthRules.ClaimProbe(row, Now, Options));
    }

    private ChannelHealthEntity Down()
    {
        var row = NewRow();
        for (var i = 0; i < Options.ChannelFailureThreshold; i++)
        {
            HealthRules.Fail(row, "503", Now, Options);
        }
        Assert.Equal(ChannelState.Down, row.Status);
        return row;
    }
}
