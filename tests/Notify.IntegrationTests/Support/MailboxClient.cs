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

    /// <summary>
    /// Mails for <paramref name="address"/> once at least one is there: maildev answers 250 to the app before it stores
    /// the mail, so a confirmation can be read before its mail can.
    /// </summary>
    public Task<List<JsonObject>> ArrivedAsync(string address) =>
        Eventually.MatchAsync(() => MailsToAsync(address), mails => mails.Count > 0, what: "a mail to the customer to be stored");
}
