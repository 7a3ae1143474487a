using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Notify.Common;
using Notify.Delivery;
using Notify.Merchants;

namespace Notify.Broadcasts;

/// <summary>A broadcast request that passed every check.</summary>
/// <param name="Message">The merchant's text.</param>
/// <param name="From">The audience window's start.</param>
/// <param name="To">The audience window's end, exclusive.</param>
/// <param name="Statuses">The confirmation statuses the audience's orders may have.</param>
/// <param name="Urgent">Sent in quiet hours too.</param>
/// <param name="Hash">SHA-256 of what was asked, to recognise the same request under the same key.</param>
public sealed record BroadcastRequest(string Message, DateTimeOffset From, DateTimeOffset To, IReadOnlySet<string> Statuses, bool Urgent, string Hash)
{
    /// <summary>The longest audience window, as for the damage report.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(92);

    /// <summary>Checks the key and the body for <paramref name="merchant"/>; every problem is reported at once, as a 422.</summary>
    public static Result<BroadcastRequest> Validate(Merchant merchant, string? idempotencyKey, NewBroadcast body)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            errors.Add("Idempotency-Key", "Send an Idempotency-Key header of 1 to 200 characters; the same key again returns the first answer.");
        }
        var message = body.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            errors.Add("message", "Write the message to send.");
        }
        else if (BroadcastText.TooLong(merchant, message) is { } tooLong)
        {
            errors.Add("message", tooLong);
        }
        var from = Time(body.Audience?.From, "audience.from", errors);
        var to = Time(body.Audience?.To, "audience.to", errors);
        if (from > to)
        {
            errors.Add("audience.to", "'to' must not be before 'from'.");
        }
        else if (to - from > LongestWindow)
        {
            errors.Add("audience.to", $"An audience window covers at most {LongestWindow.TotalDays:0} days.");
        }
        var statuses = body.Audience?.Status is { Count: > 0 } asked ? asked.ToHashSet() : StoredName<ConfirmationStatus>.All.ToHashSet();
        if (statuses.FirstOrDefault(s => !StoredName<ConfirmationStatus>.All.Contains(s)) is { } unknown)
        {
            errors.Add("audience.status", $"'{unknown}' is not a status; use {string.Join(", ", StoredName<ConfirmationStatus>.All)}.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var canonical = string.Join('\n', message, from!.Value.ToString("O", CultureInfo.InvariantCulture), to!.Value.ToString("O", CultureInfo.InvariantCulture),
            string.Join(',', statuses.Order(StringComparer.Ordinal)), body.Urgent);
        return new BroadcastRequest(message, from.Value, to.Value, statuses, body.Urgent, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    private static DateTimeOffset? Time(string? raw, string path, FieldErrors errors)
    {
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year >= 1601)
        {
            return at.ToUniversalTime();
        }
        errors.Add(path, "Use an ISO 8601 time such as 2026-11-28T00:00:00+09:00.");
        return null;
    }
}
