namespace Notify.TwilioSandbox.Tests.Support;

internal sealed record ReceivedCallback(IReadOnlyDictionary<string, string> Fields, string Signature)
{
    public string Status => Fields["MessageStatus"];
    public string Sid => Fields["MessageSid"];
}
