using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Channels.Webhook;
using Notify.Common;
using Notify.Configuration;
using Notify.Customers;
using Notify.Signing;

namespace Notify.Merchants.Changes;

/// <summary>Creates merchants; its field rules are shared with changes (<see cref="MerchantPatch"/>).</summary>
public sealed class MerchantService(MerchantStore merchants, ChannelRegistry registry, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Validates the request, stores the merchant, and returns its secret and key (shown this once).</summary>
    public async Task<Result<MerchantCreated>> CreateAsync(CreateMerchant request, CancellationToken ct)
    {
        var defaults = options.Value;
        var errors = new FieldErrors();
        var name = ReadName(request.Name, errors);
        var region = (request.Region ?? defaults.DefaultRegion).Trim().ToUpperInvariant();
        if (!Contacts.IsKnownRegion(region))
        {
            errors.Add("region", "Use a two-letter region code such as KR.");
        }
        var timeZone = ReadTimeZone(request.TimeZone ?? "Asia/Seoul", errors);
        var locale = ReadLocale(request.Locale ?? "ko-KR", errors);
        var kakao = ReadKakao(request.Kakao, errors);
        var channels = ChannelNames.ParseChain(request.Channels ?? DefaultChain(region, kakao, defaults));
        if (channels is null)
        {
            errors.Add("channels", $"List each of {string.Join(", ", ChannelNames.All)} at most once.");
        }
        var (alertPhone, alertEmail) = ReadAlertContact(request.AlertContact, region, errors);
        var webhookUrl = ReadWebhookUrl(request.WebhookUrl, defaults.AllowPrivateWebhooks, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var apiKey = ApiKeys.New();
        var merchant = new Merchant(
            MerchantIds.New(), name!, region, timeZone!, locale!, channels!, alertPhone, alertEmail, webhookUrl,
            StandardWebhook.NewSecret(), ApiKeys.Hash(apiKey), clock.GetUtcNow(), kakao);
        // As a change does: a chain naming a channel this deployment does not run, or kakao without its settings.
        ChainRules.CheckUsable(merchant, registry, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await merchants.AddAsync(merchant, ct);
        return new MerchantCreated(
            merchant.Id, merchant.Name, region, timeZone!, locale!, merchant.Channels,
            alertPhone is null && alertEmail is null ? null : new AlertContact(alertPhone, alertEmail),
            webhookUrl, merchant.WebhookSecret, apiKey, kakao);
    }

    // Korean shops with a KakaoTalk channel confirm by AlimTalk first: cheaper than SMS, and what their customers read.
    private static IEnumerable<string> DefaultChain(string region, KakaoSettings? kakao, NotifyOptions defaults)
    {
        var chain = defaults.Channels.Split(',').Select(c => c.Trim()).Where(c => c != ChannelNames.Kakao);
        return kakao is not null && region == "KR" ? [ChannelNames.Kakao, .. chain] : chain;
    }

    // Checked here, never at a failed send: SOLAPI's ids are short ASCII tokens (Changes.KakaoFormat).
    private static KakaoSettings? ReadKakao(KakaoSettings? raw, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }
        var ok = true;
        if (!Changes.KakaoFormat.IsWellFormed(raw.PfId))
        {
            errors.Add("kakao.pfId", "1 to 64 letters, digits, '_' or '-' (SOLAPI's pfId, KA01PF…).");
            ok = false;
        }
        if (!Changes.KakaoFormat.IsWellFormed(raw.TemplateId))
        {
            errors.Add("kakao.templateId", "1 to 64 letters, digits, '_' or '-' (SOLAPI's templateId, KA01TP…).");
            ok = false;
        }
        return ok ? new KakaoSettings(raw.PfId.Trim(), raw.TemplateId.Trim()) : null;
    }

    /// <summary>The trimmed shop name, or null with an error at <c>name</c>. Creation and changes share it.</summary>
    internal static string? ReadName(string? raw, FieldErrors errors)
    {
        var name = FreeText.Name(raw, 100);
        if (name is null)
        {
            errors.Add("name", "A name of 1 to 100 characters, with something visible and no control characters, is required.");
        }
        return name;
    }

    /// <summary>The IANA time zone, or null with an error at <c>timeZone</c>.</summary>
    internal static string? ReadTimeZone(string raw, FieldErrors errors)
    {
        // IANA names only: the lookup reads a file named after the id, so nothing like "../" reaches it.
        if (raw.Length > 64 || raw.Contains("..", StringComparison.Ordinal)
            || raw.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('/' or '_' or '-' or '+'))
            || !TimeZoneInfo.TryFindSystemTimeZoneById(raw, out _))
        {
            errors.Add("timeZone", "Use an IANA time zone such as Asia/Seoul.");
            return null;
        }
        return raw;
    }

    /// <summary>The locale, or null with an error at <c>locale</c>.</summary>
    internal static string? ReadLocale(string raw, FieldErrors errors)
    {
        if (!Locales.IsKnown(raw))
        {
            errors.Add("locale", "Use a locale such as ko-KR or en-US.");
            return null;
        }
        return raw;
    }

    /// <summary>The alert phone (E.164 in <paramref name="region"/>) and e-mail, with errors at <c>alertContact.*</c>.</summary>
    internal static (string? Phone, string? Email) ReadAlertContact(AlertContact? contact, string region, FieldErrors errors)
    {
        string? phone = null, email = null;
        if (contact?.Phone is { } rawPhone && (phone = Contacts.ToE164(rawPhone, region)) is null)
        {
            errors.Add("alertContact.phone", "Not a valid phone number.");
        }
        if (contact?.Email is { } rawEmail && (email = Contacts.ToEmail(rawEmail)) is null)
        {
            errors.Add("alertContact.email", "Not a valid e-mail address.");
        }
        return (phone, email);
    }

    /// <summary>The merchant's webhook URL as stored, or null after adding why it is refused (creation and updates share this).</summary>
    public static string? ReadWebhookUrl(string? raw, bool allowPrivate, FieldErrors errors)
    {
        if (raw is null)
        {
            return null;
        }
        var (url, error) = WebhookAddress.Check(raw, allowPrivate);
        if (error is not null)
        {
            errors.Add("webhookUrl", error);
        }
        return url?.ToString();
    }
}
