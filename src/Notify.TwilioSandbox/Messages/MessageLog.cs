namespace Notify.TwilioSandbox.Messages;

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

    public SandboxMessage? Find(string sid)
    {
        lock (_gate)
        {
            return _messages.Find(m => m.Sid == sid);
        }
    }

    public IReadOnlyList<SandboxMessage> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>Records the status last reported; a message forgotten meanwhile stays forgotten.</summary>
    public void Report(string sid, string status, int? errorCode, DateTimeOffset at)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Sid == sid);
            if (index >= 0)
            {
                _messages[index] = _messages[index] with { Status = status, ErrorCode = errorCode, UpdatedAt = at };
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
