using Notify.TwilioSandbox.Messages;

namespace Notify.TwilioSandbox.Tests.Messages;

public sealed class SegmentCounterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_text_fits_160_alone_and_153_per_part(int length, int segments) =>
        Assert.Equal(segments, SegmentCounter.Count(new string('a', length)));

    [Fact]
    public void Gsm7_extension_characters_count_twice() =>
        Assert.Equal(2, SegmentCounter.Count(new string('a', 159) + "€"));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Korean_text_fits_70_alone_and_67_per_part(int length, int segments) =>
        Assert.Equal(segments, SegmentCounter.Count(new string('한', length)));

    [Fact]
    public void One_non_gsm_character_makes_the_whole_body_ucs2() =>
        Assert.Equal(2, SegmentCounter.Count(new string('a', 70) + "✓"));
}
