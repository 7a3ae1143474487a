using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;
using Notify.Channels.Email;
using Notify.Core.Tests.Channels.Support;

namespace Notify.Core.Tests.Channels.Email;

/// <summary>
/// A mail server that refuses the recipient: 5xx is this address's permanent failure (no channel failure, no retry),
/// 4xx a passing one. maildev accepts everything, so a few lines of SMTP stand in for a server that refuses.
/// </summary>
public sealed class SmtpRefusalTests
{
    [Fact]
    public async Task Recipient_refused_with_550_is_a_permanent_failure()
    {
        await using var server = RefusingSmtp.Start("550 5.1.1 <minji@example.com>: Recipient address rejected");
        await using var services = ChannelServices.Build(server.Settings());

        var result = await services.GetRequiredService<EmailSender>().SendAsync("minji@example.com", "s", "t", "<p>t</p>", "<x@localhost>", CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.True(result.Permanent);
        Assert.StartsWith(AttemptErrors.EmailRejected + ": ", result.Error);
        Assert.Contains("550", result.Error);
        Assert.DoesNotContain("minji", result.Error);
    }

    [Fact]
    public async Task Recipient_deferred_with_451_is_a_passing_failure()
    {
        await using var server = RefusingSmtp.Start("451 4.7.1 Try again later");
        await using var services = ChannelServices.Build(server.Settings());

        var result = await services.GetRequiredService<EmailSender>().SendAsync("minji@example.com", "s", "t", "<p>t</p>", "<x@localhost>", CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent);
    }

    // Greets, accepts EHLO and MAIL FROM, answers RCPT TO with the given reply, and says goodbye to anything else.
    private sealed class RefusingSmtp : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _serving = Task.CompletedTask;

        public static RefusingSmtp Start(string rcptReply)
        {
            var server = new RefusingSmtp();
            server._listener.Start();
            server._serving = server.ServeAsync(rcptReply);
            return server;
        }

        public Dictionary<string, string?> Settings() => new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(),
            ["Smtp:UseTls"] = "None",
        };

        private async Task ServeAsync(string rcptReply)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 refusing.test ESMTP");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    await writer.WriteLineAsync(verb switch
                    {
                        "EHLO" or "HELO" => "250 refusing.test",
                        "MAIL" or "RSET" or "NOOP" => "250 2.1.0 OK",
                        "RCPT" => rcptReply,
                        _ => "221 2.0.0 Bye",
                    });
                    if (verb is not ("EHLO" or "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP"))
                    {
                        break;
                    }
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
            _stop.Dispose();
        }
    }
}
