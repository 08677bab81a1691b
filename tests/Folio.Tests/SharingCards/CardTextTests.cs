using Folio.Features.SharingCards;

namespace Folio.Tests.SharingCards;

public sealed class CardTextTests
{
    // Every character one unit wide: a line of width 10 holds ten characters.
    private static float Measure(string text) => text.Length;

    [Fact]
    public void ShortTextIsOneLine() =>
        Assert.Equal(["The Weir"], CardText.Wrap("The Weir", Measure, 10, 3));

    [Fact]
    public void WordsWrapAtTheWidth() =>
        Assert.Equal(["one two", "three four", "five"], CardText.Wrap("one two three four five", Measure, 10, 3));

    [Fact]
    public void TextBeyondTheLastLineEndsInAnEllipsis()
    {
        var lines = CardText.Wrap("one two three four five six seven eight nine ten", Measure, 10, 2);

        Assert.Equal(["one two", "three fou…"], lines);
        Assert.All(lines, line => Assert.True(line.Length <= 10));
    }

    [Fact]
    public void AWordWiderThanALineIsCut() =>
        Assert.Equal(["abcdefghij", "klmnop end"], CardText.Wrap("abcdefghijklmnop end", Measure, 10, 3));

    [Fact]
    public void TheEllipsisDoesNotFollowPunctuationOrASpace() =>
        Assert.Equal(["one two…"], CardText.Wrap("one two, three", Measure, 9, 1));

    [Fact]
    public void BlankTextHasNoLines() => Assert.Empty(CardText.Wrap("   ", Measure, 10, 3));
}
