using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Notify.TwilioSandbox.Messages;

/// <summary>How Twilio's REST API writes JSON: snake_case names, nulls written, RFC 2822 dates.</summary>
internal static class TwilioJson
{
    public const string ApiVersion = "2010-04-01";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Only JSON clients read these answers: keep "+8210…" and Korean bodies readable, not \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Twilio writes "+0000" where RFC 1123's "r" format would write "GMT".
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
