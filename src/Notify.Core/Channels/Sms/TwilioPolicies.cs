using Microsoft.Extensions.Options;
using Notify.Channels.Resilience;
using Notify.Configuration;

namespace Notify.Channels.Sms;

/// <summary>The policies around every Twilio request, timed by <see cref="TwilioOptions"/>: Twilio's create is not idempotent.</summary>
public sealed class TwilioPolicies(IOptions<TwilioOptions> options, TimeProvider clock, Random? random = null)
    : ProviderPolicies(options.Value.RetryDelay, options.Value.BreakFor, options.Value.Timeout, clock, random);
