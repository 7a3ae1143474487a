using Polly;
using Polly.CircuitBreaker;

namespace Notify.Channels.Resilience;

/// <summary>
/// A Polly policy around a <see cref="Breaker"/>, so the circuit runs on the injected <see cref="TimeProvider"/>
/// (Polly 7's own breaker reads a static clock). An open circuit throws <see cref="BrokenCircuitException"/> as Polly's does.
/// </summary>
public sealed class BreakerPolicy : AsyncPolicy<HttpResponseMessage>
{
    private readonly Breaker _breaker;

    /// <summary>Counts the failures <paramref name="handled"/> describes against <paramref name="breaker"/>.</summary>
    public BreakerPolicy(PolicyBuilder<HttpResponseMessage> handled, Breaker breaker) : base(handled) => _breaker = breaker;

    /// <summary>The circuit.</summary>
    public Breaker Breaker => _breaker;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> ImplementationAsync(
        Func<Context, CancellationToken, Task<HttpResponseMessage>> action, Context context, CancellationToken cancellationToken, bool continueOnCapturedContext)
    {
        if (!_breaker.TryPass())
        {
            throw new BrokenCircuitException("The circuit is open after repeated failures.");
        }
        HttpResponseMessage result;
        try
        {
            result = await action(context, cancellationToken).ConfigureAwait(continueOnCapturedContext);
        }
        catch (Exception ex) when (ExceptionPredicates.FirstMatchOrDefault(ex) is not null)
        {
            _breaker.Failed();
            throw;
        }
        catch
        {
            // Neither a success nor a failure of the provider (cancelled, or refused before it was asked): a trial call
            // that ends so must hand the trial back, or the circuit would stay shut for this process for good.
            _breaker.Abandoned();
            throw;
        }
        if (ResultPredicates.AnyMatch(result))
        {
            _breaker.Failed();
        }
        else
        {
            _breaker.Succeeded();
        }
        return result;
    }
}
