using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Notify.Intake;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Intake;

/// <summary>An instance takes a bounded number of orders at once; the excess is a 503 with Retry-After that writes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class IntakeConcurrencyTests(NotifyApp app)
{
    [Fact]
    public async Task An_order_beyond_the_bound_is_refused_at_once_and_the_next_after_it_is_taken()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var intake = ActivatorUtilities.CreateInstance<IntakeService>(app.Services, Options.Create(new NotifyOptions { IntakeConcurrency = 1 }));
        // The first order is in flight while its body has not arrived yet.
        var slowBody = new HeldStream(Body(merchant, "msg_slow", out var slowSignature, out var at));
        var first = intake.AcceptAsync(Signed(merchant, "msg_slow", at, slowSignature, slowBody), CancellationToken.None);
        await slowBody.Reading.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var body = Body(merchant, "msg_busy", out var signature, out var now);
        var refused = await intake.AcceptAsync(Signed(merchant, "msg_busy", now, signature, new MemoryStream(body)), CancellationToken.None);
        slowBody.Release();
        var accepted = await first;
        var again = await intake.AcceptAsync(Signed(merchant, "msg_busy", now, signature, new MemoryStream(body)), CancellationToken.None);

        Assert.Equal(503, refused.Problem!.Status);
        Assert.EndsWith("/busy", refused.Problem.Type, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Problem.RetryAfter);
        Assert.Null(accepted.Problem);
        // The refusal wrote nothing: the same webhook-id, retried, is a new order.
        Assert.Null(again.Problem);
        Assert.True(again.Value!.IsNew);
        Assert.Equal(2, (await app.MerchantRowsAsync(merchant.Id)).Count(r => r.RowKey.StartsWith("order|", StringComparison.Ordinal)));
    }

    private byte[] Body(MerchantClient merchant, string webhookId, out string signature, out long at)
    {
        var body = Encoding.UTF8.GetBytes(MerchantClient.SampleOrder().ToJsonString());
        at = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        signature = Notify.Signing.StandardWebhook.Sign(merchant.WebhookSecret, webhookId, at, body);
        return body;
    }

    private static SignedOrder Signed(MerchantClient merchant, string webhookId, long at, string signature, Stream body) =>
        new(merchant.Id, webhookId, at.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, "application/json", body);

    // A request body that says when it is first read and gives its bytes only once released.
    private sealed class HeldStream(byte[] bytes) : MemoryStream(bytes)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reading.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
