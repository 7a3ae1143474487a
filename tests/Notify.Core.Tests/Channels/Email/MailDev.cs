using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Notify.Core.Tests.Channels.Support;

namespace Notify.Core.Tests.Channels.Email;

/// <summary>A real maildev SMTP sink on free loopback ports, started once for the e-mail tests and stopped after them.</summary>
public sealed class MailDev : IAsyncLifetime
{
    private Process? _process;

    public int SmtpPort { get; } = FreePort.Next();

    public HttpClient Web { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}") };

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var maildev = Path.Combine(root, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(maildev))
        {
            throw new InvalidOperationException($"maildev is not installed: run `npm ci` in {root} first.");
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { maildev, "--smtp", SmtpPort.ToString(), "--web", Web.BaseAddress!.Port.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await AnswersAsync(deadline.Token))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode}.");
            }
            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>The mail whose Message-Id is <paramref name="messageId"/>, once maildev has stored it.</summary>
    public async Task<JsonElement> MailAsync(string messageId, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var mails = await Web.GetFromJsonAsync<JsonElement>("/email", deadline.Token);
            foreach (var mail in mails.EnumerateArray())
            {
                if (mail.GetProperty("messageId").GetString()?.Trim('<', '>') == messageId)
                {
                    return mail;
                }
            }
            await Task.Delay(50, deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        Web.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var response = await Web.GetAsync("/email", ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (package.json) was not found above the test output.");
    }
}
