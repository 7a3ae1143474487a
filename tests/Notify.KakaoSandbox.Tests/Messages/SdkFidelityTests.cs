using Notify.KakaoSandbox.Tests.Support;

namespace Notify.KakaoSandbox.Tests.Messages;

/// <summary>SOLAPI's official Node SDK (npm "solapi" 6.x) against the sandbox: it must accept what the SDK sends and answer what it parses.</summary>
public sealed class SdkFidelityTests
{
    [Fact]
    public async Task Sdk_alimtalk_is_verified_recorded_and_its_answer_parsed()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk());

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        var sent = result["sent"]!;
        Assert.Equal(1, sent["groupInfo"]!["count"]!["registeredSuccess"]!.GetValue<int>());
        Assert.Empty(sent["failedMessageList"]!.AsArray());
        var messageId = sent["messageList"]![0]!["messageId"]!.GetValue<string>();
        Assert.Equal("2000", sent["messageList"]![0]!["statusCode"]!.GetValue<string>());
        // getMessages validates the listing against the SDK's own schema, so a parsed answer is a well-formed one.
        Assert.Equal("ATA", result["listed"]!["messageList"]![messageId]!["type"]!.GetValue<string>());

        var message = Assert.Single(await sandbox.GetMessagesAsync());
        Assert.Equal((messageId, SandboxHost.Customer), (message.MessageId, message.To));
        Assert.Equal(("KA01PF0000000000000000000000001", "KA01TP0000000000000000000000001"), (message.PfId, message.TemplateId));
        // The SDK writes variable names as #{name}.
        Assert.Equal("떡집", message.Variables["#{shop}"]);
        Assert.Equal("m_1.o_1.1", message.CustomFields["attempt"]);
        Assert.True(message.DisableSms);
    }

    [Fact]
    public async Task Sdk_with_a_wrong_secret_is_refused_403_SignatureDoesNotMatch_and_nothing_is_recorded()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk(), apiSecret: "not-the-secret");

        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Equal("ClientError", result["error"]!["name"]!.GetValue<string>());
        Assert.Equal("SignatureDoesNotMatch", result["error"]!["errorCode"]!.GetValue<string>());
        Assert.Equal(403, result["error"]!["httpStatus"]!.GetValue<int>());
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Sdk_with_an_unknown_key_is_refused_403_InvalidAPIKey()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk(), apiKey: "NCSUNKNOWNKEY999");

        Assert.Equal("InvalidAPIKey", result["error"]!["errorCode"]!.GetValue<string>());
        Assert.Equal(403, result["error"]!["httpStatus"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sdk_message_without_a_template_is_registered_as_failed_and_the_sdk_reports_none_received()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk(templateId: null));

        Assert.Equal("MessageNotReceivedError", result["error"]!["name"]!.GetValue<string>());
        Assert.Equal("1010", result["error"]!["failedMessageList"]![0]!["statusCode"]!.GetValue<string>());
        Assert.Empty(await sandbox.GetMessagesAsync());
    }
}
