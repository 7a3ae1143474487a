using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Notify.Channels.Kakao;

/// <summary>
/// SOLAPI's messages API v4 over the resilient <c>solapi</c> HttpClient (signing, retry, circuit, timeout): sends an
/// AlimTalk as the solapi SDK's <c>send</c> does, and reads a message's result as its <c>getMessages</c> does.
/// </summary>
public sealed class SolapiClient(IHttpClientFactory httpClients, IOptions<SolapiOptions> options)
{
    /// <summary>The named HttpClient that carries SOLAPI's requests, with its base address, signing and Polly policies.</summary>
    public const string HttpClientName = "solapi";

    /// <summary>
    /// Sends one AlimTalk with SMS fallback off. Accepted with SOLAPI's message id; Failed when SOLAPI refused it or
    /// could not be reached (<see cref="SendResult.Permanent"/> when the refusal is the recipient's, message's or
    /// merchant's); Unknown when the request timed out. Throws only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<SendResult> SendAsync(AlimTalk message, CancellationToken ct)
    {
        if (NotConfigured() is { } problem)
        {
            return problem;
        }
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(
                "messages/v4/send-many/detail", SolapiWire.Request(message, options.Value.From), SolapiWire.Json, ct);
            if (!response.IsSuccessStatusCode)
            {
                return KakaoOutcome.Rejected(response.StatusCode, await ReadAsync<SolapiWire.Error>(response, ct));
            }
            var answer = await ReadAsync<SolapiWire.SendAnswer>(response, ct);
            return answer switch
            {
                { MessageList: [{ MessageId: { Length: > 0 } id }, ..] } => new SendResult(SendStatus.Accepted, id),
                { FailedMessageList: [{ StatusCode: { Length: > 0 } code } failed, ..] } => KakaoOutcome.NotRegistered(code, failed.StatusMessage),
                // SOLAPI answered 200 yet named no message: it may exist, so wait for it rather than send twice.
                _ => new SendResult(SendStatus.Unknown, Error: "SOLAPI answered without naming the message."),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return KakaoOutcome.Unanswered(e);
        }
    }

    /// <summary>SOLAPI's result for <paramref name="messageId"/> (GET /messages/v4/list?messageId=…).</summary>
    public Task<KakaoLookup> ResultAsync(string messageId, CancellationToken ct) =>
        LookupAsync($"messages/v4/list?messageId={Uri.EscapeDataString(messageId)}", r => r.MessageId == messageId, ct);

    /// <summary>
    /// The message sent for <paramref name="attempt"/> to <paramref name="to"/> (national form), found by its
    /// <c>attempt</c> custom field among that number's latest messages: for a send that timed out before SOLAPI named it.
    /// </summary>
    public Task<KakaoLookup> FindAsync(string to, AttemptKey attempt, CancellationToken ct) =>
        LookupAsync($"messages/v4/list?to={Uri.EscapeDataString(to)}&limit=50", r => r.Attempt == attempt, ct);

    private async Task<KakaoLookup> LookupAsync(string path, Func<KakaoReceipt, bool> wanted, CancellationToken ct)
    {
        if (NotConfigured() is { } problem)
        {
            return new KakaoLookup(null, problem.Error);
        }
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? new KakaoLookup(KakaoListing.Parse(body).FirstOrDefault(wanted))
                : new KakaoLookup(null, $"SOLAPI listing failed: HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new KakaoLookup(null, $"SOLAPI listing failed: {e.Message}");
        }
    }

    private SendResult? NotConfigured() =>
        string.IsNullOrEmpty(options.Value.ApiKey) || string.IsNullOrEmpty(options.Value.ApiSecret)
            ? new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.KakaoNotConfigured, "SOLAPI is not configured: set Solapi:ApiKey and Solapi:ApiSecret."))
            : null;

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(SolapiWire.Json, ct);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
