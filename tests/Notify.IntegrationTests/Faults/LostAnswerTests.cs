using Azure.Core;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Faults;

/// <summary>
/// Storage that acts but whose answer is lost (a timeout on a loaded machine): the SDK retries, and the retry meets what
/// the first try stored. Each such retry must find its own write, not mistake it for someone else's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LostAnswerTests(NotifyApp app)
{
    [Fact]
    public async Task Order_whose_stored_transaction_answer_is_lost_is_still_fanned_out_and_confirmed()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var number = "LOST-" + Guid.NewGuid().ToString("N")[..10];
        var lostBefore = app.StorageFaults.Lost;
        // The order's transaction is the only request whose body holds its number before the 202.
        app.StorageFaults.LoseAnswerTo(number);

        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail(), number));

        Assert.Equal(lostBefore + 1, app.StorageFaults.Lost);
        // Before the fix the retry's 409 was read as a concurrent post: the fan-out deadline was cleared and nothing was
        // enqueued, so the accepted order waited forever.
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed", TimeSpan.FromSeconds(30));
        Assert.Equal("sms", confirmation["attempts"]![0]!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_whose_saved_claim_answer_is_lost_still_sends_at_once()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var lostBefore = app.StorageFaults.Lost;
        // The first merge into one of this merchant's order rows is the sender's claim (intake stored the plan with the order).
        app.StorageFaults.LoseAnswerTo((request, _) => request.Method == RequestMethod.Patch &&
            Uri.UnescapeDataString(request.Uri.ToString()).Contains($"PartitionKey='{merchant.Id}',RowKey='order|", StringComparison.Ordinal));

        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));

        // Before the fix the retry's 412 was read as someone else's change: the save, already stored, was not made again
        // and its effects never ran; only the sweep's deadline (2 minutes) would have moved it.
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed", TimeSpan.FromSeconds(30));
        Assert.Equal(lostBefore + 1, app.StorageFaults.Lost);
        Assert.Single(confirmation["attempts"]!.AsArray());
    }

    [Fact]
    public async Task Merchant_whose_stored_profile_answer_is_lost_is_created_once_with_a_working_key()
    {
        var name = "Lost answer " + Guid.NewGuid().ToString("N")[..8];
        var lostBefore = app.StorageFaults.Lost;
        app.StorageFaults.LoseAnswerTo(name);

        // Before the fix the retry's 409 escaped as a 500: the merchant existed, and its key, shown only here, was lost.
        var merchant = await MerchantClient.CreateAsync(app, new { name, alertContact = new { email = "owner@example.com" } });

        Assert.Equal(lostBefore + 1, app.StorageFaults.Lost);
        using var profile = await merchant.GetAsync($"/api/merchants/{merchant.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, profile.StatusCode);
    }
}
