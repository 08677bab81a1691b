using Folio.Features.Stories;
using Folio.Shared;

namespace Folio.Tests.Unit;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 insights")]
    [InlineData(1, "1 insight")]
    [InlineData(2, "2 insights")]
    [InlineData(12345, "12,345 insights")]
    public void ACountTakesTheSingularForExactlyOne(int count, string expected) =>
        Assert.Equal(expected, Plural.Of(count, "insight", "insights"));

    [Fact]
    public void AnExcerptIsTheBodysPlainTextCutAtAWord()
    {
        Assert.Equal("A short body with a link.", StoryExcerpt.From("A *short* body with [a link](https://example.org)."));
        Assert.Null(StoryExcerpt.From("![](https://example.org/only-a-picture.png)"));
        Assert.Null(StoryExcerpt.From(null));

        var cut = StoryExcerpt.From(string.Join(' ', Enumerable.Repeat("word", 200)))!;
        Assert.EndsWith("word…", cut);
        Assert.True(cut.Length <= 281, $"{cut.Length} characters");
    }
}
