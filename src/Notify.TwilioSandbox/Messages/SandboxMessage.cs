namespace Notify.TwilioSandbox.Messages;

internal sealed record SandboxMessage(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string? MessagingServiceSid,
    string Body,
    string? StatusCallback,
    int NumSegments,
    DateTimeOffset CreatedAt)
{
    public string Status { get; init; } = MessageStatus.Queued;
    public int? ErrorCode { get; init; }
    public DateTimeOffset UpdatedAt { get; init; } = CreatedAt;
}
