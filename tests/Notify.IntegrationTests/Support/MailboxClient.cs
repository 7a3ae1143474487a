using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>maildev's web API: the mail the app sent over SMTP.</summary>
public sealed class MailboxClient(Uri baseAddress)
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <summary>Mails received for <paramref name="address"/>.</summary>
    public async Task<List<JsonObject>> MailsToAsync(string address)
    {
        var all = await _http.GetFromJsonAsync<JsonArray>("/email");
        return all!.Select(m => m!.AsObject())
            .Where(m => m["to"]!.AsArray().Any(t => string.Equals(t!["address"]!.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }
}
