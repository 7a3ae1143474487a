namespace Notify.KakaoSandbox.Messages;

/// <summary>The messages the sandbox accepted, in order of arrival.</summary>
internal sealed class MessageLog
{
    private readonly Lock _gate = new();
    private readonly List<SandboxMessage> _messages = [];

    public void Add(SandboxMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    public IReadOnlyList<SandboxMessage> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>Records the status code last reported; a message forgotten meanwhile stays forgotten.</summary>
    public void Report(string messageId, string statusCode, DateTimeOffset at)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.MessageId == messageId);
            if (index >= 0)
            {
                _messages[index] = _messages[index] with { StatusCode = statusCode, UpdatedAt = at };
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
