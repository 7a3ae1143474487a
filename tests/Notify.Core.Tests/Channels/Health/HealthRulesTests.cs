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
    public void A_recovered_channel_starts_a_fresh_window_so_one_failure_does_not_take_it_down_again()
    {
        var row = Down();
        _clock.Advance(TimeSpan.FromSeconds(10));
        HealthRules.Recover(row, Now);

        HealthRules.Fail(row, "503", Now, Options);

        Assert.Equal(ChannelState.Up, row.Status);
        Assert.Equal(1, row.WindowFailures);
    }

    [Fact]
    public void A_new_window_forgets_the_old_windows_merchants()
    {
        var row = NewRow();
        HealthRules.Fail(row, "30008", Now, Options, "m_other0000000001");
        _clock.Advance(Options.ChannelFailureWindow + TimeSpan.FromSeconds(1));
        HealthRules.Fail(row, "30008", Now, Options, "m_badnumbers00001");
        Assert.NotNull(HealthRules.Succeed(row, Now, Options));
        for (var i = 0; i < 3; i++)
        {
            HealthRules.Fail(row, "30008", Now, Options, "m_badnumbers00001");
        }

        // One merchant in this window, and a success: its trouble is its own.
        Assert.Equal(ChannelState.Up, row.Status);
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

    [Fact]
    public void One_merchants_failures_amid_other_deliveries_successes_keep_the_channel_up()
    {
        var row = NewRow();
        HealthRules.Fail(row, "30008", Now, Options, "m_badnumbers00001");
        Assert.NotNull(HealthRules.Succeed(row, Now, Options));
        for (var i = 0; i < 5; i++)
        {
            HealthRules.Fail(row, "30008", Now, Options, "m_badnumbers00001");
        }

        Assert.Equal(ChannelState.Up, row.Status);
        Assert.Equal(6, row.WindowFailures);
    }

    [Fact]
    public void Failures_spread_over_two_merchants_take_the_channel_down_whatever_succeeded()
    {
        var row = NewRow();
        HealthRules.Fail(row, "503", Now, Options, "m_0000000000000001");
        HealthRules.Succeed(row, Now, Options);
        HealthRules.Fail(row, "503", Now, Options, "m_0000000000000001");
        var tipping = HealthRules.Fail(row, "503", Now, Options, "m_0000000000000002");

        Assert.Equal(ChannelState.Down, row.Status);
        Assert.NotNull(tipping.Ledger);
    }

    [Fact]
    public void A_single_merchant_whose_every_delivery_fails_still_takes_the_channel_down()
    {
        var row = NewRow();
        for (var i = 0; i < Options.ChannelFailureThreshold; i++)
        {
            HealthRules.Fail(row, "503", Now, Options, "m_onlyshop0000001");
        }

        Assert.Equal(ChannelState.Down, row.Status);
    }

    [Fact]
    public void Successes_are_counted_only_while_the_window_holds_failures()
    {
        var row = NewRow();

        Assert.Null(HealthRules.Succeed(row, Now, Options));
        HealthRules.Fail(row, "503", Now, Options, "m_0000000000000001");
        _clock.Advance(Options.ChannelFailureWindow + TimeSpan.FromSeconds(1));
        Assert.Null(HealthRules.Succeed(row, Now, Options));
        Assert.Equal(0, row.WindowSuccesses);
    }

    [Fact]
    public void Merchant_tags_in_the_row_are_short_hashes_not_ids()
    {
        var row = NewRow();
        HealthRules.Fail(row, "503", Now, Options, "m_0123456789abcdef");

        Assert.DoesNotContain("m_", row.WindowMerchants);
        Assert.Equal(8, row.WindowMerchants.Length);
    }

    [Fact]
    public void Deliveries_given_up_when_the_channel_went_down_count_in_its_outage_and_change_nothing_while_it_is_up()
    {
        var row = NewRow();
        Assert.Null(HealthRules.GaveUp(row, 5));
        for (var i = 0; i < 3; i++)
        {
            HealthRules.Fail(row, "deadline passed", Now, Options);
        }

        Assert.NotNull(HealthRules.GaveUp(row, 40));

        Assert.Equal(43, row.OutageFailures);
        Assert.Equal(43, row.OutageAffected);
        Assert.Null(HealthRules.GaveUp(row, 0));
    }
}
