using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

public sealed class SearchMatchingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAuthorsNameFindsTheirStories()
    {
        var community = await _app.Data.CommunityAsync();
        var ottoline = await _app.Data.PersonAsync("ottoline", "Ottoline Brackenbury");
        await _app.Data.StoryAsync(community, ottoline, "First Frost");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Second Frost");

        Assert.Equal(["First Frost"], await _app.TitlesFoundAsync("brackenbury"));
        Assert.Equal(["First Frost"], await _app.TitlesFoundAsync("Ottoline frost"));
    }

    [Fact]
    public async Task ATagFindsItsStories()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Tagged One", tags: ["Bryophytes"]);
        await _app.Data.StoryAsync(community, author, "Untagged One");

        Assert.Equal(["Tagged One"], await _app.TitlesFoundAsync("bryophytes"));
    }

    [Fact]
    public async Task DiacriticsAreIgnoredBothWays()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Morning at the Café", "Coffee and crêpes.");
        await _app.Data.StoryAsync(community, author, "The Cafe on the Corner", "Naive about creme.");

        Assert.Equal(2, (await _app.TitlesFoundAsync("cafe")).Count);
        Assert.Equal(2, (await _app.TitlesFoundAsync("café")).Count);
        Assert.Equal(["Morning at the Café"], await _app.TitlesFoundAsync("crepes"));
        Assert.Equal(["The Cafe on the Corner"], await _app.TitlesFoundAsync("naïve crème"));
    }

    [Fact]
    public async Task WordsMatchAsPrefixesAndQuotedWordsAsAPhrase()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Slow Water", "The water ran slow under the bridge.");
        await _app.Data.StoryAsync(community, author, "Fast Water", "Slow down, said nobody to the water.");

        Assert.Equal(2, (await _app.TitlesFoundAsync("wat slo")).Count);
        Assert.Equal(["Slow Water"], await _app.TitlesFoundAsync("\"ran slow\""));
        Assert.Equal(["Slow Water"], await _app.TitlesFoundAsync("bridge \"slow under\" water"));
    }

    [Fact]
    public async Task EmojiAndOtherScriptsAreSearchable()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Θάλασσα 🌊 Notes", "Κύματα και άμμος. 海の音.");

        Assert.Equal(["Θάλασσα 🌊 Notes"], await _app.TitlesFoundAsync("θάλασσα"));
        Assert.Equal(["Θάλασσα 🌊 Notes"], await _app.TitlesFoundAsync("🌊 notes 🌊"));
        var onlyEmoji = await _app.SearchAsync("🌊🌊");
        Assert.Contains("has no words to search for", onlyEmoji.QuerySelector(".search-empty")?.TextContent);
    }

    [Fact]
    public async Task ALongQueryIsCutAndStillAnswered()
    {
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "The Heron Pool", "A heron at the pool.");

        var page = await _app.SearchAsync("heron " + new string('x', 10_000));

        Assert.Equal(500, page.QuerySelector("main input[name=q]")?.GetAttribute("value")?.Length);
        Assert.True(page.QuerySelector("h1")!.TextContent.Length < 120);
    }

    [Fact]
    public async Task SearchOperatorsAreWordsNotSyntax()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "The Heron Pool", "A heron at the pool.");
        await _app.Data.StoryAsync(community, author, "Egret", "Not a heron, an egret.");

        // "-egret" and "NOT egret" would exclude a story in FTS syntax; here they are words like any other.
        Assert.Equal(["Egret"], await _app.TitlesFoundAsync("heron NOT egret"));
        Assert.Equal(["Egret"], await _app.TitlesFoundAsync("heron -egret"));
        Assert.Equal(["The Heron Pool"], await _app.TitlesFoundAsync("heron:pool"));
        Assert.Equal(["The Heron Pool"], await _app.TitlesFoundAsync("(pool): ^heron*"));
    }
}
