namespace Notify.LocalParts;

/// <summary>maildev: an SMTP sink with a web API (<c>GET /email</c>), on free loopback ports.</summary>
public sealed class MaildevProcess : IAsyncDisposable
{
    private readonly NodeProcess _process;

    private MaildevProcess(NodeProcess process, int smtpPort, Uri web) => (_process, SmtpPort, Web) = (process, smtpPort, web);

    /// <summary>The SMTP port.</summary>
    public int SmtpPort { get; }

    /// <summary>The web API's address.</summary>
    public Uri Web { get; }

    /// <summary>Starts maildev and waits until its web API answers; <paramref name="options"/> are more maildev flags (<c>--incoming-user</c>).</summary>
    public static async Task<MaildevProcess> StartAsync(string options = "")
    {
        int smtp = NodeProcess.FreePort(), web = NodeProcess.FreePort();
        var process = await NodeProcess.StartAsync("maildev/bin/maildev", $"--smtp {smtp} --web {web} --ip 127.0.0.1 --web-ip 127.0.0.1 --silent {options}", web);
        return new MaildevProcess(process, smtp, new Uri($"http://127.0.0.1:{web}"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
