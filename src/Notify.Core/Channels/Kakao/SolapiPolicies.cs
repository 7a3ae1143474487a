using Microsoft.Extensions.Options;
using Notify.Channels.Resilience;
using Notify.Configuration;

namespace Notify.Channels.Kakao;

/// <summary>The policies around every SOLAPI request, timed by <see cref="SolapiOptions"/>: SOLAPI's send is not idempotent.</summary>
public sealed class SolapiPolicies(IOptions<SolapiOptions> options, TimeProvider clock, Random? random = null)
    : ProviderPolicies(options.Value.RetryDelay, options.Value.BreakFor, options.Value.Timeout, clock, random);
