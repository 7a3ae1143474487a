using Microsoft.Extensions.Options;

namespace Notify.TwilioSandbox.Callbacks;

/// <summary>Posts one signed status callback, trying a few times before it gives up and logs.</summary>
internal sealed partial class CallbackPoster(
    IHttpClientFactory clients,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<CallbackPoster> logger)
{
    public const string ClientName = "status-callbacks";
    private const int Attempts = 3;

    public async Task PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var signature = TwilioSignature.Compute(options.Value.AuthToken, url, fields);
        var http = clients.CreateClient(ClientName);
        for (var attempt = 1; ; attempt++)
        {
            var failure = await TryPostAsync(http, url, fields, signature, cancellationToken);
            if (failure is null)
            {
                return;
            }

            if (attempt == Attempts)
            {
                LogGaveUp(url, attempt, failure);
                return;
            }

            LogRetrying(url, attempt, failure);
            await Task.Delay(options.Value.CallbackRetryDelay * attempt, clock, cancellationToken);
        }
    }

    private static async Task<string?> TryPostAsync(
        HttpClient http, string url, IReadOnlyList<KeyValuePair<string, string>> fields, string signature, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(TwilioSignature.Header, signature);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback to {Url} failed (attempt {Attempt}: {Failure}); retrying")]
    private partial void LogRetrying(string url, int attempt, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status callback to {Url} failed {Attempt} times ({Failure}); giving up")]
    private partial void LogGaveUp(string url, int attempt, string failure);
}
