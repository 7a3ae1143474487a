using System.Threading.Channels;
using Notify.KakaoSandbox.Messages;
using Notify.KakaoSandbox.Modes;

namespace Notify.KakaoSandbox.Reports;

/// <summary>The queue between an accepted send and the background work that moves its status on.</summary>
internal sealed class MessageResults
{
    private readonly Channel<ResultPlan> _plans = Channel.CreateUnbounded<ResultPlan>(new() { SingleReader = true });

    public ChannelReader<ResultPlan> Plans => _plans.Reader;

    public void Schedule(SandboxMessage message, ModeRule rule)
    {
        if (ResultPlan.For(message, rule) is { } plan)
        {
            _plans.Writer.TryWrite(plan);
        }
    }
}
