using System.Threading.Channels;
using Notify.TwilioSandbox.Messages;
using Notify.TwilioSandbox.Modes;

namespace Notify.TwilioSandbox.Callbacks;

/// <summary>The queue between a create request and the background work that reports its statuses.</summary>
internal sealed class StatusCallbacks
{
    private readonly Channel<CallbackPlan> _plans = Channel.CreateUnbounded<CallbackPlan>(new() { SingleReader = true });

    public ChannelReader<CallbackPlan> Plans => _plans.Reader;

    public void Schedule(SandboxMessage message, SandboxMode mode)
    {
        if (CallbackPlan.For(message, mode) is { } plan)
        {
            _plans.Writer.TryWrite(plan);
        }
    }
}
