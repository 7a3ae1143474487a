using System.Net.Http.Headers;
using System.Text;

namespace Notify.TwilioSandbox.Messages;

/// <summary>Twilio's account routes want HTTP Basic auth whose user is the account in the path.</summary>
internal static class TwilioBasicAuth
{
    public static async ValueTask<object?> RequireAccount(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Authorizes(http.Request.Headers.Authorization, http.GetRouteValue("accountSid") as string))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return TwilioError.Result(StatusCodes.Status401Unauthorized, 20003, "Authenticate");
    }

    private static bool Authorizes(string? header, string? accountSid)
    {
        if (accountSid is null
            || !AuthenticationHeaderValue.TryParse(header, out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        var bytes = new byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, bytes, out var written))
        {
            return false;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = credentials.IndexOf(':');
        return colon > 0
            && credentials[..colon] == accountSid
            && colon < credentials.Length - 1;
    }
}
