using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>Posting orders and watching their confirmations.</summary>
public static class OrderSteps
{
    /// <summary>Posts <paramref name="order"/> and returns its id (asserting the 202).</summary>
    public static async Task<string> PostOrderAsync(this MerchantClient merchant, JsonObject order, bool expectNew = true)
    {
        using var response = await merchant.PostAsync(order);
        Assert.Equal(expectNew ? HttpStatusCode.Accepted : HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
    }

    /// <summary>The order as the merchant reads it.</summary>
    public static async Task<JsonObject> ReadAsync(this MerchantClient merchant, string orderId)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders/{orderId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Waits until the order's confirmation has <paramref name="status"/>, and returns the confirmation.</summary>
    public static async Task<JsonObject> ConfirmationAsync(this MerchantClient merchant, string orderId, string status, TimeSpan? within = null)
    {
        var order = await Eventually.MatchAsync(
            () => merchant.ReadAsync(orderId),
            o => o["confirmation"]!["status"]!.GetValue<string>() == status,
            within,
            $"order {orderId} to be {status}");
        return order["confirmation"]!.AsObject();
    }

    /// <summary>A sample order for a fresh customer phone (so sandbox modes for it touch no other test).</summary>
    public static JsonObject ForCustomer(string? phone, string? email, string? orderNumber = null)
    {
        var order = MerchantClient.SampleOrder(orderNumber);
        var customer = order["customer"]!.AsObject();
        customer["phone"] = phone;
        customer["email"] = email;
        return order;
    }

    /// <summary>A Korean mobile number no other test uses.</summary>
    public static string NewPhone()
    {
        while (true)
        {
            // Not every 010 number is one libphonenumber accepts as a Korean mobile; draw until it does.
            var phone = "+8210" + Random.Shared.Next(10_000_000, 99_999_999);
            if (Notify.Customers.Contacts.ToE164(phone, "KR") == phone)
            {
                return phone;
            }
        }
    }

    /// <summary>An e-mail address no other test uses.</summary>
    public static string NewEmail() => $"c{Guid.NewGuid():N}@example.com";

    /// <summary>The attempts' channel and status, in order.</summary>
    public static List<(string Channel, string Status)> Attempts(JsonObject confirmation) =>
        confirmation["attempts"]!.AsArray().Select(a => (a!["channel"]!.GetValue<string>(), a["status"]!.GetValue<string>())).ToList();
}
