using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Auth;

/// <summary>
/// Checks the Authorization header as SOLAPI documents it (solapi/documents, authentication/api-key.md): the
/// signature is hex HMAC(API secret, date + salt); the date within ±15 minutes; the salt 12–64 bytes; a signature
/// used once is refused for 15 minutes. Every refusal is 403 with SOLAPI's error code.
/// </summary>
internal static class SolapiAuth
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var refusal = Check(
            http.Request.Headers.Authorization.ToString(),
            services.GetRequiredService<IOptions<KakaoSandboxOptions>>().Value,
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<SignatureLedger>());
        return refusal is null ? await next(context) : refusal;
    }

    private static IResult? Check(string header, KakaoSandboxOptions options, DateTimeOffset now, SignatureLedger ledger)
    {
        if (AuthorizationHeader.Parse(header) is not { } auth)
        {
            // SOLAPI's docs do not name this case; the sandbox answers it like an unknown key.
            return Refuse("InvalidAPIKey", "Authorization 헤더가 없거나 형식이 올바르지 않습니다.");
        }
        if (auth.ApiKey != options.ApiKey)
        {
            return Refuse("InvalidAPIKey", "유효한 API Key가 아닙니다.");
        }
        if (!DateTimeOffset.TryParse(auth.Date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || (now - date).Duration() > Window)
        {
            return Refuse("RequestTimeTooSkewed", "시간 값이 서버 시간을 15분 이상 벗어났습니다.");
        }
        if (Encoding.UTF8.GetByteCount(auth.Salt) is < 12 or > 64)
        {
            return Refuse("SignatureDoesNotMatch", "salt는 12~64 바이트여야 합니다.");
        }
        if (Expected(auth, options.ApiSecret) is not { } expected
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant())))
        {
            return Refuse("SignatureDoesNotMatch", "생성한 Signature가 일치하지 않습니다.");
        }
        return ledger.TryUse(auth.Signature.ToLowerInvariant())
            ? null
            : Refuse("DuplicatedSignature", "15분 안에 동일한 signature 값이 사용되었습니다.");
    }

    private static string? Expected(AuthorizationHeader auth, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(auth.Date + auth.Salt);
        return auth.Method switch
        {
            "HMAC-SHA256" => Convert.ToHexStringLower(HMACSHA256.HashData(key, data)),
            "HMAC-MD5" => Convert.ToHexStringLower(HMACMD5.HashData(key, data)),
            _ => null,
        };
    }

    private static IResult Refuse(string code, string message) =>
        SolapiError.Result(StatusCodes.Status403Forbidden, code, message);
}
