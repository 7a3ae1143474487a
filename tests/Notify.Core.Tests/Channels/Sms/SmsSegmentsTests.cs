using Notify.Channels.Sms;

namespace Notify.Core.Tests.Channels.Sms;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_text_takes_160_alone_and_153_per_part(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Korean_text_is_ucs2_and_takes_70_alone_and_67_per_part(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('가', length)));

    [Fact]
    public void One_korean_character_turns_the_whole_message_into_ucs2()
    {
        var latin = new string('a', 100);

        Assert.Equal(1, SmsSegments.Count(latin));
        Assert.Equal(2, SmsSegments.Count(latin + "떡"));
        Assert.False(SmsSegments.IsGsm7(latin + "떡"));
    }

    [Fact]
    public void Gsm7_extension_characters_count_twice()
    {
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
        Assert.True(SmsSegments.IsGsm7("[{€}]"));
    }

    [Fact]
    public void Emoji_takes_two_ucs2_units()
    {
        Assert.Equal(1, SmsSegments.Count(new string('가', 68) + "😀"));
        Assert.Equal(2, SmsSegments.Count(new string('가', 69) + "😀"));
    }
}
