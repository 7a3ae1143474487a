using System.Text.RegularExpressions;

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
        // maildev cannot take port 0 (it reports the 0 back). It says the SMTP server listens once it does, and its
        // web API's health answers once that listens; a port another process took makes it exit instead, and it is
        // started again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            int smtp = NodeProcess.FreePort(), web = NodeProcess.FreePort();
            var (process, _) = await NodeProcess.StartAsync(
                "maildev/bin/maildev", $"--smtp {smtp} --web {web} --ip 127.0.0.1 --web-ip 127.0.0.1 {options}",
                new Regex($@"MailDev SMTP Server running at 127\.0\.0\.1:{smtp}\b"));
            var maildev = new MaildevProcess(process, smtp, new Uri($"http://127.0.0.1:{web}"));
            if (await maildev.AnswersAsync())
            {
                return maildev;
            }
            await maildev.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException("maildev did not start on three pairs of free ports.");
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // True once this maildev's web API answers its health check; false if the process ended first.
    private async Task<bool> AnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await http.GetAsync(new Uri(Web, "healthz"));
                if (health.IsSuccessStatusCode && !_process.HasExited)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        return false;
    }
}
