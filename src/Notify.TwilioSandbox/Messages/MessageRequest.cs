namespace Notify.TwilioSandbox.Messages;

/// <summary>The form fields of Twilio's create-message call that the sandbox honours.</summary>
internal sealed record MessageRequest(string To, string? From, string? MessagingServiceSid, string Body, string? StatusCallback)
{
    public static MessageRequest? Parse(IFormCollection form, out IResult? error)
    {
        var to = Field(form, "To");
        var from = Field(form, "From");
        var service = Field(form, "MessagingServiceSid");
        var body = Field(form, "Body");
        var callback = Field(form, "StatusCallback");

        error = (to, from ?? service, body, callback) switch
        {
            (null, _, _, _) => Invalid(21604, "A 'To' phone number is required."),
            (_, null, _, _) => Invalid(21603, "A 'From' phone number is required."),
            (_, _, null, _) => Invalid(21602, "Message body is required."),
            (_, _, _, { } url) when !IsHttpUrl(url) => Invalid(21609, $"The StatusCallback URL {url} is not a valid URL."),
            _ => null,
        };
        return error is null ? new MessageRequest(to!, from, service, body!, callback) : null;
    }

    private static string? Field(IFormCollection form, string name) =>
        form[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static IResult Invalid(int code, string message) =>
        TwilioError.Result(StatusCodes.Status400BadRequest, code, message);
}
