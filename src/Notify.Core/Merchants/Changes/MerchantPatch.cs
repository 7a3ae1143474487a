using System.Text.Json;
using Notify.Channels;
using Notify.Common;

namespace Notify.Merchants.Changes;

/// <summary>
/// A JSON merge patch (RFC 7396) of a merchant's profile: a field present is set, <c>null</c> removes an optional
/// field, a field absent stays. Every field is checked by the rules creation uses.
/// </summary>
public sealed class MerchantPatch
{
    /// <summary>The largest patch body accepted.</summary>
    public const int Limit = 16 * 1024;

    private readonly JsonElement _body;

    private MerchantPatch(JsonElement body) => _body = body;

    /// <summary>The patch in <paramref name="body"/>; 400 for malformed JSON, 422 naming each field not in <paramref name="allowed"/>.</summary>
    public static Result<MerchantPatch> Parse(byte[] body, IReadOnlySet<string> allowed)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Problem.MalformedJson(ex.Message);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Problem.MalformedJson("A merge patch must be a JSON object.");
        }
        var errors = new FieldErrors();
        foreach (var field in root.EnumerateObject())
        {
            if (!allowed.Contains(field.Name))
            {
                errors.Add(field.Name, PatchFields.Operator.Contains(field.Name)
                    ? "Only the operator can change this field."
                    : $"Unknown field. Fields that can be changed here: {string.Join(", ", allowed)}.");
            }
        }
        return errors.IsEmpty ? new MerchantPatch(root) : errors.ToProblem();
    }

    /// <summary>The profile with the patch applied and <c>UpdatedAt</c> set, or every field error at once.</summary>
    public Result<Merchant> ApplyTo(Merchant merchant, ChannelRegistry channels, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var next = merchant with { UpdatedAt = now };
        foreach (var field in _body.EnumerateObject())
        {
            next = Apply(next, field.Name, field.Value, errors);
        }
        if (_body.TryGetProperty("channels", out _) || _body.TryGetProperty("kakao", out _))
        {
            ChainRules.CheckUsable(next, channels, errors);
        }
        return errors.IsEmpty ? next : errors.ToProblem();
    }

    private static Merchant Apply(Merchant m, string name, JsonElement value, FieldErrors errors) => name switch
    {
        "name" => Text(value, name, errors) is { } text && MerchantService.ReadName(text, errors) is { } shop ? m with { Name = shop } : m,
        "timeZone" => Text(value, name, errors) is { } text && MerchantService.ReadTimeZone(text, errors) is { } zone ? m with { TimeZone = zone } : m,
        "locale" => Text(value, name, errors) is { } text && MerchantService.ReadLocale(text, errors) is { } locale ? m with { Locale = locale } : m,
        "channels" => ChainRules.Read(value, errors) is { } chain ? m with { Channels = chain } : m,
        "webhookUrl" => value.ValueKind == JsonValueKind.Null ? m with { WebhookUrl = null }
            : Text(value, name, errors) is { } text && MerchantService.ReadWebhookUrl(text, errors) is { } url ? m with { WebhookUrl = url } : m,
        "alertContact" => AlertContact(m, value, errors),
        "kakao" => Kakao(m, value, errors),
        "active" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? m with { Active = value.GetBoolean() } : Error(m, name, "true or false.", errors),
        "retentionDays" => value.ValueKind == JsonValueKind.Null ? m with { RetentionDays = null }
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days is >= 1 and <= 3650 ? m with { RetentionDays = days }
            : Error(m, name, "A whole number of days from 1 to 3650, or null for the default.", errors),
        _ => m,
    };

    private static Merchant AlertContact(Merchant m, JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return m with { AlertPhone = null, AlertEmail = null };
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Error(m, "alertContact", "An object {phone, email}, or null.", errors);
        }
        foreach (var field in value.EnumerateObject())
        {
            var path = "alertContact." + field.Name;
            m = field.Name switch
            {
                "phone" when field.Value.ValueKind == JsonValueKind.Null => m with { AlertPhone = null },
                "email" when field.Value.ValueKind == JsonValueKind.Null => m with { AlertEmail = null },
                "phone" => Text(field.Value, path, errors) is { } raw
                           && MerchantService.ReadAlertContact(new(raw, null), m.Region, errors).Phone is { } phone ? m with { AlertPhone = phone } : m,
                "email" => Text(field.Value, path, errors) is { } raw
                           && MerchantService.ReadAlertContact(new(null, raw), m.Region, errors).Email is { } email ? m with { AlertEmail = email } : m,
                _ => Error(m, path, "Unknown field; use phone and email.", errors),
            };
        }
        return m;
    }

    private static Merchant Kakao(Merchant m, JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return m with { Kakao = null };
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Error(m, "kakao", "An object {pfId, templateId}, or null.", errors);
        }
        string? pfId = m.Kakao?.PfId, templateId = m.Kakao?.TemplateId;
        foreach (var field in value.EnumerateObject())
        {
            var path = "kakao." + field.Name;
            var id = field.Value.ValueKind == JsonValueKind.Null ? null : Text(field.Value, path, errors);
            if (field.Name is not ("pfId" or "templateId"))
            {
                errors.Add(path, "Unknown field; use pfId and templateId.");
            }
            else if (id is not null && !KakaoFormat.IsWellFormed(id))
            {
                errors.Add(path, "1 to 64 letters, digits, '_' or '-', as SOLAPI shows it (KA01PF…, KA01TP…).");
            }
            else if (field.Name == "pfId")
            {
                pfId = id;
            }
            else
            {
                templateId = id;
            }
        }
        if (pfId is null || templateId is null)
        {
            errors.Add("kakao", "Both pfId and templateId are required (or kakao: null to remove them).");
            return m;
        }
        return m with { Kakao = new KakaoSettings(pfId, templateId) };
    }

    // A string field's text; a null or another type is an error at its path (removing needs a field that may be removed).
    private static string? Text(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        errors.Add(path, value.ValueKind == JsonValueKind.Null ? "This field cannot be removed." : "This field must be a string.");
        return null;
    }

    private static Merchant Error(Merchant m, string path, string message, FieldErrors errors)
    {
        errors.Add(path, message);
        return m;
    }
}
