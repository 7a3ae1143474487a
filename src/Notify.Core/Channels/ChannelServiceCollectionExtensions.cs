using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notify.Channels.Email;
using Notify.Channels.Kakao;
using Notify.Channels.Resilience;
using Notify.Channels.Sms;
using Notify.Channels.Webhook;
using Notify.Configuration;

namespace Notify.Channels;

/// <summary>Registers the channels, their senders, settings and resilient HttpClients.</summary>
public static class ChannelServiceCollectionExtensions
{
    /// <summary>Adds KakaoTalk, SMS, e-mail and webhook as <see cref="IChannel"/>s, a <see cref="ChannelRegistry"/>, and the senders.</summary>
    public static IServiceCollection AddNotifyChannels(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound here too so the channels stand alone without AddNotify; binding twice is harmless.
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.Section));
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddOptions<SolapiOptions>().Bind(configuration.GetSection(SolapiOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        // Policies live in singletons so that every HttpClient the factory hands out shares one circuit.
        services.AddSingleton<TwilioPolicies>();
        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient(SmsSender.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddProviderPolicies<TwilioPolicies>()
            .AddHttpMessageHandler<TwilioBaseUrlHandler>();

        services.AddSingleton<SolapiPolicies>();
        services.AddTransient<SolapiSigningHandler>();
        services.AddHttpClient(SolapiClient.HttpClientName)
            .ConfigureHttpClient((sp, c) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SolapiOptions>>().Value.BaseUrl;
                c.BaseAddress = new Uri((string.IsNullOrEmpty(baseUrl) ? SolapiOptions.DefaultBaseUrl : baseUrl).TrimEnd('/') + "/");
                c.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddProviderPolicies<SolapiPolicies>()
            .AddHttpMessageHandler<SolapiSigningHandler>();

        services.AddSingleton<WebhookPolicies>();
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<NotifyOptions>>().Value.AllowPrivateWebhooks;
                // Redirects would reach addresses never checked; the connection itself is checked after DNS.
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    ConnectCallback = (context, ct) => WebhookAddress.ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
                };
            })
            .AddPolicyHandler((sp, _) => sp.GetRequiredService<WebhookPolicies>().Retry)
            .AddPolicyHandler((sp, request) => sp.GetRequiredService<WebhookPolicies>().CircuitBreakerFor(request.RequestUri))
            .AddPolicyHandler((sp, _) => sp.GetRequiredService<WebhookPolicies>().Timeout);

        services.AddSingleton<SolapiClient>();
        services.AddSingleton<SmsSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<IChannel, KakaoChannel>();
        services.AddSingleton<IChannel, SmsChannel>();
        services.AddSingleton<IChannel, EmailChannel>();
        services.AddSingleton<IChannel, WebhookChannel>();
        services.AddSingleton<ChannelRegistry>();
        return services;
    }

    // Retry outermost, then the circuit, then each try's timeout; handlers added after these run once per try.
    private static IHttpClientBuilder AddProviderPolicies<T>(this IHttpClientBuilder builder) where T : ProviderPolicies => builder
        .AddPolicyHandler((sp, _) => sp.GetRequiredService<T>().Retry)
        .AddPolicyHandler((sp, _) => sp.GetRequiredService<T>().CircuitBreaker)
        .AddPolicyHandler((sp, _) => sp.GetRequiredService<T>().Timeout);
}
