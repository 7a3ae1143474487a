using System.Net;
using System.Text.Json;
using Notify.TwilioSandbox.Tests.Support;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Notify.TwilioSandbox.Tests.Messages;

public sealed class CreateMessageTests
{
    private const string Customer = "+821012345678";

    [Fact]
    public async Task Create_answers_like_twilio_and_the_message_is_listed()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var message = await Sms.SendAsync(sandbox.CreateTwilioClient(), Customer, "Order 42 is confirmed");

        Assert.Matches("^SM[0-9a-f]{32}$", message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal(SandboxHost.AccountSid, message.AccountSid);
        Assert.Equal(Customer, message.To);
        Assert.Equal(Sms.Sender, message.From.ToString());
        Assert.Equal("Order 42 is confirmed", message.Body);
        Assert.Equal("1", message.NumSegments);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, message.Direction);
        Assert.Equal("2010-04-01", message.ApiVersion);
        Assert.NotNull(message.DateCreated);
        Assert.Null(message.ErrorCode);
        var listed = Assert.Single(await sandbox.GetMessagesAsync());
        Assert.Equal((message.Sid, Customer, "Order 42 is confirmed"), (listed.Sid, listed.To, listed.Body));
    }

    [Fact]
    public async Task Fetch_returns_the_message_with_its_latest_status()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();
        var client = sandbox.CreateTwilioClient();
        var created = await Sms.SendAsync(client, Customer, callback: receiver.Url);
        await receiver.NextAsync();
        await receiver.NextAsync();

        var fetched = await MessageResource.FetchAsync(pathSid: created.Sid, client: client);

        Assert.Equal(created.Sid, fetched.Sid);
        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
    }

    [Theory]
    [InlineData(70, "1")]
    [InlineData(71, "2")]
    [InlineData(135, "3")]
    public async Task Korean_body_is_counted_in_ucs2_segments(int length, string segments)
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var message = await Sms.SendAsync(sandbox.CreateTwilioClient(), Customer, new string('주', length));

        Assert.Equal(segments, message.NumSegments);
    }

    [Fact]
    public async Task Messaging_service_sends_from_the_sandbox_pool_number()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(Customer), messagingServiceSid: "MG0123456789abcdef0123456789abcdef", body: "hi",
            client: sandbox.CreateTwilioClient());

        Assert.Equal("MG0123456789abcdef0123456789abcdef", message.MessagingServiceSid);
        Assert.Equal("+15005550006", message.From.ToString());
    }

    [Fact]
    public async Task Missing_basic_auth_is_refused_with_401()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Http.PostAsync(MessagesPath(SandboxHost.AccountSid), Form(("To", Customer), ("From", Sms.Sender), ("Body", "hi")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, await ErrorCodeAsync(response));
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Basic_auth_for_another_account_is_refused_with_401()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath(SandboxHost.AccountSid))
        {
            Content = Form(("To", Customer), ("From", Sms.Sender), ("Body", "hi")),
        };
        request.Headers.Authorization = SandboxHost.BasicAuth("AC00000000000000000000000000000000", SandboxHost.AuthToken);

        using var response = await sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_body_is_rejected_with_twilio_error_21602()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath(SandboxHost.AccountSid))
        {
            Content = Form(("To", Customer), ("From", Sms.Sender)),
        };
        request.Headers.Authorization = SandboxHost.BasicAuth(SandboxHost.AccountSid, SandboxHost.AuthToken);

        using var response = await sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(21602, await ErrorCodeAsync(response));
    }

    internal static string MessagesPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Messages.json";

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    internal static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("code").GetInt32();
    }
}
