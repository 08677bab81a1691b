using Folio.Features.Stories;

namespace Folio.Tests.Unit;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(264, 0, 1)]
    [InlineData(265, 0, 1)]
    [InlineData(266, 0, 2)]
    [InlineData(530, 0, 2)]
    [InlineData(531, 0, 3)]
    [InlineData(2650, 0, 10)]
    public void WordsAreReadAt265AMinuteRoundedUp(int words, int images, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(words, images));

    [Theory]
    [InlineData(0, 1, 1)] // 12 s
    [InlineData(0, 2, 1)] // 12 + 11 = 23 s
    [InlineData(265, 1, 2)] // 60 + 12 s
    [InlineData(207, 1, 1)] // 46.9 + 12 = 58.9 s
    public void ImagesAddReadingSeconds(int words, int images, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(words, images));

    [Fact]
    public void TwelveImagesCountTenImagesFromTwelveToThreeSecondsThenThreeEach()
    {
        // 0 words: 12..3 = 75 s, then 3 + 3 = 81 s → 2 minutes; 215 words (48.7 s) + 81 s = 129.7 s → 3 minutes.
        Assert.Equal(2, ReadingTime.Minutes(0, 12));
        Assert.Equal(3, ReadingTime.Minutes(215, 12));
        Assert.Equal(2, ReadingTime.Minutes(170, 12));
    }

    [Fact]
    public void SecondImageTipsAStoryIntoTheNextMinute()
    {
        // 212 words = 48 s; + 12 s = exactly 60 s; + 11 s more = 71 s.
        Assert.Equal(1, ReadingTime.Minutes(212, 1));
        Assert.Equal(2, ReadingTime.Minutes(212, 2));
    }
}
