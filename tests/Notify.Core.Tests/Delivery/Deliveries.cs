using Microsoft.Extensions.Time.Testing;
using Notify.Channels;
using Notify.Delivery;

namespace Notify.Core.Tests.Delivery;

/// <summary>Shared fixtures for the delivery state machine's tests: a fixed chain, timings, and steps that must happen.</summary>
internal static class Deliveries
{
    public const string Sms = ChannelNames.Sms;
    public const string Email = ChannelNames.Email;
    public const string Webhook = ChannelNames.Webhook;

    public static readonly string[] Chain = [Sms, Email, Webhook];

    public static readonly DeliveryTimings Timings = new(SendPickup: TimeSpan.FromMinutes(2), SmsReceipt: TimeSpan.FromMinutes(30));

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Chain);
    public static readonly IReadOnlySet<string> None = new HashSet<string>();

    public static IReadOnlySet<string> Only(params string[] channels) => new HashSet<string>(channels);

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public static Step Must(this Step? step)
    {
        Assert.NotNull(step);
        return step;
    }

    public static DeliveryState Planned(FakeTimeProvider clock, IReadOnlyList<string>? chain = null, IReadOnlySet<string>? available = null) =>
        DeliveryMachine.Plan(DeliveryState.Unplanned, chain ?? Chain, new DeliveryContext(clock.GetUtcNow(), Timings, available ?? All)).Must().State;

    public static DeliveryState Claimed(DeliveryState state) => DeliveryMachine.Claim(state, state.Current!.N).Must().State;

    /// <summary>Claims the current attempt and records <paramref name="status"/> as its send's result.</summary>
    public static Step Send(DeliveryState state, FakeTimeProvider clock, SendStatus status, IReadOnlySet<string>? available = null)
    {
        var claimed = Claimed(state);
        return DeliveryMachine.RecordSend(claimed, claimed.Current!.N, new SendResult(status, ProviderId: $"p{claimed.Current.N}"), new DeliveryContext(clock.GetUtcNow(), Timings, available ?? All)).Must();
    }

    public static Step Receipt(DeliveryState state, int n, string receipt, FakeTimeProvider clock, string? error = null, IReadOnlySet<string>? available = null) =>
        DeliveryMachine.ApplyReceipt(state, n, receipt, error, new DeliveryContext(clock.GetUtcNow(), Timings, available ?? All)).Must();

    public static Attempt AttemptN(this DeliveryState state, int n) => state.Attempts.Single(a => a.N == n);

    public static IEnumerable<T> Of<T>(this Step step) => step.Effects.OfType<T>();
}
