using System.Net;
using Folio.Features.Search;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

public sealed class SearchPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ATitleMatchOutranksABodyMatch()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Notes From the Allotment", "We walked to the heron pool and back before lunch.");
        await _app.Data.StoryAsync(community, author, "The Heron Pool", "A short piece about water and waiting.");

        Assert.Equal(["The Heron Pool", "Notes From the Allotment"], await _app.TitlesFoundAsync("heron"));
    }

    [Fact]
    public async Task ALongStoryWithTheWordInItsTitleOutranksAShortOneRepeatingIt()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Low Water", "Heron, heron, heron, heron. The heron again.");
        await _app.Data.StoryAsync(community, author, "The Long Heron Essay", string.Join(' ', Enumerable.Repeat("Words about other birds entirely.", 400)));

        Assert.Equal(["The Long Heron Essay", "Low Water"], await _app.TitlesFoundAsync("heron"));
    }

    [Fact]
    public async Task SnippetsHighlightMatchesAndKeepStoredHtmlAsText()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Markup Lessons",
            "Write `<b>kingfisher</b>` to make it bold, and never &lt;script&gt;alert(1)&lt;/script&gt; about a kingfisher.");

        var page = await _app.SearchAsync("kingfisher");

        var snippet = page.QuerySelector(".search-result__snippet")!;
        Assert.Equal(["kingfisher", "kingfisher"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("<b>kingfisher</b>", snippet.TextContent);
        Assert.Contains("<script>alert(1)</script>", snippet.TextContent);
        Assert.Empty(snippet.QuerySelectorAll("b, script"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task HighlightsInTheTitleAreMarkedToo()
    {
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Where <i>Otters</i> Sleep");

        var title = (await _app.SearchAsync("otters")).QuerySelector(".search-result .story-card__title")!;

        Assert.Equal("Where <i>Otters</i> Sleep", title.TextContent.Trim());
        Assert.Equal("Otters", title.QuerySelector("mark")?.TextContent);
        Assert.Null(title.QuerySelector("i"));
    }

    [Fact]
    public async Task ResultsCanBeFilteredByCommunityAndTag()
    {
        var rivers = await _app.Data.CommunityAsync("rivers", "Rivers");
        var kitchens = await _app.Data.CommunityAsync("kitchens", "Kitchens");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(rivers, author, "Willow Banks", "Willow everywhere.", tags: ["Trees"]);
        await _app.Data.StoryAsync(rivers, author, "Willow Weir", "Willow and water.", tags: ["Weirs"]);
        await _app.Data.StoryAsync(kitchens, author, "Willow Pattern Plates", "Willow on the china.", tags: ["Trees"]);

        Assert.Equal(3, (await _app.TitlesFoundAsync("willow")).Count);
        Assert.Equal(["Willow Banks", "Willow Weir"], (await _app.TitlesFoundAsync("willow", "&community=rivers")).Order());
        Assert.Equal(["Willow Banks", "Willow Pattern Plates"], (await _app.TitlesFoundAsync("willow", "&tag=trees")).Order());
        Assert.Equal(["Willow Banks"], await _app.TitlesFoundAsync("willow", "&community=rivers&tag=Trees"));

        var page = await _app.SearchAsync("willow", "&community=kitchens");
        Assert.Equal("kitchens", page.QuerySelector("select[name=community] option[selected]")?.GetAttribute("value"));
        Assert.Contains("1 result for “willow” in Kitchens", page.QuerySelector(".search-summary")?.TextContent);
    }

    [Fact]
    public async Task ResultsArePagedAndThePagerKeepsTheQueryAndFilters()
    {
        var community = await _app.Data.CommunityAsync("paging");
        var author = await _app.Data.PersonAsync();
        for (var i = 1; i <= SearchModel.PageSize + 2; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Lantern {i:00}", "Lanterns in the lane.", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        var first = await _app.SearchAsync("lantern", "&community=paging");
        Assert.Equal(SearchModel.PageSize, first.QuerySelectorAll(".search-result").Length);
        Assert.Contains($"{SearchModel.PageSize + 2} results for “lantern”", first.QuerySelector(".search-summary")?.TextContent);
        Assert.Equal("/search?q=lantern&community=paging&page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));

        var second = await _app.GetPageAsync("/search?q=lantern&community=paging&page=2");
        Assert.Equal(2, second.QuerySelectorAll(".search-result").Length);
        var beyond = await _app.GetPageAsync("/search?q=lantern&page=9");
        Assert.Equal(2, beyond.QuerySelectorAll(".search-result").Length);
    }

    [Fact]
    public async Task NoResultsSuggestsSpellingSimilarTagsDroppingFiltersAndTheNewestStories()
    {
        var community = await _app.Data.CommunityAsync("suggest");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "A Story About Moths", tags: ["Moth Traps"]);

        var page = await _app.SearchAsync("mothxyz", "&community=suggest");

        Assert.Empty(page.QuerySelectorAll(".search-result"));
        var empty = page.QuerySelector(".search-empty")!.TextContent;
        Assert.Contains("No stories match “mothxyz” with these filters", empty);
        Assert.Contains("Check the spelling", empty);
        Assert.Equal("/search?q=mothxyz", page.QuerySelector(".search-empty a")?.GetAttribute("href"));
        Assert.Equal(["A Story About Moths"], page.QuerySelectorAll(".story-card__title").Select(t => t.TextContent));

        var similar = await _app.SearchAsync("moth traps broken");
        Assert.Contains("/tags/moth-traps", similar.QuerySelectorAll("section[aria-labelledby=similar-tags] a").Select(a => a.GetAttribute("href")));
        var misspelt = await _app.SearchAsync("mothz");
        Assert.Contains("/tags/moth-traps", misspelt.QuerySelectorAll("section[aria-labelledby=similar-tags] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AnEmptyQueryOffersPopularTagsAndCommunities()
    {
        var community = await _app.Data.CommunityAsync("helpful", "Helpful Place");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), tags: ["Estuaries"]);

        var page = await _app.GetPageAsync("/search");

        Assert.Equal("Search", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("Search · Folio", page.Title);
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=popular-tags] a[href='/tags/estuaries']"));
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=search-communities] a[href='/helpful']"));
        Assert.Empty(page.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task ResultPagesAreTitledAndKeptOutOfSearchEngines()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/search?q=river");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Results for “river” · Folio", page.Title);
        Assert.Equal("river", page.QuerySelector("main input[name=q]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheHeaderHasASearchBox()
    {
        var page = await _app.GetPageAsync("/");

        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("Search stories", form.QuerySelector("input[name=q]")?.GetAttribute("aria-label"));
    }
}
