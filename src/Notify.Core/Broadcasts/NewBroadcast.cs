namespace Notify.Broadcasts;

/// <summary>The body of <c>POST /api/merchants/{merchantId}/broadcasts</c>.</summary>
/// <param name="Message">The merchant's text; the shop's name and callback number are added around it.</param>
/// <param name="Audience">Whose orders make them a recipient.</param>
/// <param name="Urgent">True to send during quiet hours too.</param>
public sealed record NewBroadcast(string? Message, BroadcastAudience? Audience, bool Urgent = false);

/// <summary>The customers with an order accepted in a window, optionally in some confirmation statuses.</summary>
/// <param name="From">The window's start (ISO 8601).</param>
/// <param name="To">The window's end, exclusive (ISO 8601).</param>
/// <param name="Status">Confirmation statuses to include; all when absent.</param>
public sealed record BroadcastAudience(string? From, string? To, IReadOnlyList<string>? Status);

/// <summary>The answer to a new broadcast (and to the same request again).</summary>
/// <param name="BroadcastId">The broadcast's id.</param>
/// <param name="Recipients">Customers it goes to, one message each.</param>
public sealed record BroadcastAccepted(string BroadcastId, int Recipients);
