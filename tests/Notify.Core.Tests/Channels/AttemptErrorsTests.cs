using Notify.Channels;

namespace Notify.Core.Tests.Channels;

public sealed class AttemptErrorsTests
{
    [Fact]
    public void A_coded_error_reads_back_as_its_code_and_message()
    {
        var stored = AttemptErrors.Format(AttemptErrors.SmsProviderUnreachable, "Twilio unreachable; the message was not sent.");

        Assert.Equal((AttemptErrors.SmsProviderUnreachable, "Twilio unreachable; the message was not sent."), AttemptErrors.Read(stored));
    }

    [Theory]
    [InlineData("Twilio unreachable: Connection refused (127.0.0.1:41999)")]
    [InlineData("No answer by 2026-11-28T09:30:00.0000000+00:00.")]
    [InlineData("Twilio error 30003")]
    public void A_row_stored_before_codes_reads_as_its_text_without_a_code(string stored)
    {
        Assert.Equal((null, stored), AttemptErrors.Read(stored));
    }
}
