using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

/// <summary>
/// Whatever is typed into search, the page answers. The tests share one app: each asks only that a page comes back, so
/// other tests' stories change nothing.
/// </summary>
public sealed class HostileSearchQueryTests(SharedFolioApp shared) : IClassFixture<SharedFolioApp>
{
    private readonly FolioApp _app = shared.App;

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"", "AND OR NOT", "AND", "title:foo", "author:x title:y", "*", "(", ")", "NEAR(a b)", "NEAR(heron", "\"unterminated",
        "-", "-heron", "^", "^heron", "+", "heron*", "{title body}: heron", "heron OR 1=1", "'; DROP TABLE Stories; --",
        "\" OR \"\"=\"", "1' OR '1'='1", "\\", "%", "_", "\u0000", "heron\u0000pool", "\uE000heron\uE001",
        "🌊", "👩‍👩‍👧‍👦 family", "a", "NOT heron", "heron NOT", "heron AND", "\"heron pool", "heron\" pool\"",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("heron ", 2_000)), string.Concat(Enumerable.Repeat("\"(*:^ ", 2_000)),
        string.Concat(Enumerable.Repeat("🌊", 2_500)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task AnyQueryAnswersWithAPage(string query)
    {
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "The Heron Pool", "A heron at the pool.");

        var page = await _app.SearchAsync(query);

        Assert.NotNull(page.QuerySelector("main form[role=search]"));
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Theory]
    [InlineData("%ED%A0%80")]
    [InlineData("%FF%FE%00")]
    [InlineData("%00%01%02%1B")]
    [InlineData("heron&q=pool")]
    public async Task MalformedEncodingsAnswerWithAPage(string raw)
    {
        var page = await _app.GetPageAsync("/search?q=" + raw);

        Assert.NotNull(page.QuerySelector("main form[role=search]"));
    }
}
