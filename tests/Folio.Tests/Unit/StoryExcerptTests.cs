using Folio.Features.Stories;

namespace Folio.Tests.Unit;

public sealed class StoryExcerptTests
{
    [Fact]
    public void AnExcerptIsTheBodysPlainTextCutAtAWord()
    {
        Assert.Equal("A short body with a link.", StoryExcerpt.From("A *short* body with [a link](https://example.org)."));
        Assert.Equal("Fish & chips, <b> and all.", StoryExcerpt.From("# Fish & chips,\n\n`<b>` and all."));
        Assert.Null(StoryExcerpt.From("![](https://example.org/only-a-picture.png)"));
        Assert.Null(StoryExcerpt.From(null));

        var cut = StoryExcerpt.From(string.Join(' ', Enumerable.Repeat("word", 200)))!;
        Assert.EndsWith("word…", cut);
        Assert.True(cut.Length <= 281, $"{cut.Length} characters");
    }
}
