using Folio.Features.Search;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

/// <summary>The filters offer the biggest communities and tags to pick and take any other typed by name.</summary>
public sealed class SearchFilterTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheTagFilterOffersTheMostUsedTagsAndNotEveryTag()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Popular One", tags: ["Popular"]);
        await _app.Data.StoryAsync(community, author, "Popular Two", tags: ["Popular"]);
        for (var i = 0; i < SearchModel.FilterChoices; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Rare {i}", tags: [$"Rare {i:00}"]);
        }

        var page = await _app.GetPageAsync("/search");

        var input = page.QuerySelector("input[name=tag]")!;
        var choices = page.QuerySelectorAll($"datalist#{input.GetAttribute("list")} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(SearchModel.FilterChoices, choices.Count);
        Assert.Equal("popular", choices[0]);
        Assert.Null(page.QuerySelector("select[name=tag]"));
    }

    [Fact]
    public async Task ATagTypedByNameFiltersAndStaysInTheBox()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Moth Night", tags: ["Moth Traps"]);
        await _app.Data.StoryAsync(community, author, "Moth Morning");

        var page = await _app.SearchAsync("moth", "&tag=" + Uri.EscapeDataString("moth TRAPS"));

        Assert.Equal(["Moth Night"], page.QuerySelectorAll(".search-result .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("moth TRAPS", page.QuerySelector("input[name=tag]")?.GetAttribute("value"));
        Assert.Contains("tagged Moth Traps", page.QuerySelector(".search-summary")?.TextContent);
    }

    [Fact]
    public async Task AnUnknownTagIsKeptAndSaidSoAndDoesNotFilter()
    {
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Moth Night", tags: ["Moth Traps"]);

        var page = await _app.SearchAsync("moth", "&tag=no-such-tag");

        Assert.Equal(["Moth Night"], page.QuerySelectorAll(".search-result .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("no-such-tag", page.QuerySelector("input[name=tag]")?.GetAttribute("value"));
        Assert.Contains("No published story is tagged “no-such-tag”", page.QuerySelector("main form[role=search]")?.TextContent);
    }

    [Fact]
    public async Task BeyondTheListedCommunitiesTheCommunityIsTypedAndFindsAny()
    {
        var author = await _app.Data.PersonAsync();
        var big = await _app.Data.CommunityAsync("big-river", "Big River");
        await _app.Data.StoryAsync(big, author, "Otter Holt");
        await _app.Data.StoryAsync(big, author, "Otter Slide");
        for (var i = 0; i < SearchModel.FilterChoices; i++)
        {
            await _app.Data.CommunityAsync($"quiet-{i:00}", $"Quiet {i:00}");
        }

        var small = await _app.Data.CommunityAsync("small-pond", "Small Pond");
        await _app.Data.StoryAsync(small, author, "Otter Pond");

        var page = await _app.SearchAsync("otter", "&community=" + Uri.EscapeDataString("Small Pond"));

        Assert.Null(page.QuerySelector("select[name=community]"));
        var input = page.QuerySelector("input[name=community]")!;
        Assert.Equal("Small Pond", input.GetAttribute("value"));
        var choices = page.QuerySelectorAll($"datalist#{input.GetAttribute("list")} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(SearchModel.FilterChoices, choices.Count);
        Assert.Contains("big-river", choices);
        Assert.Equal(["Otter Pond"], page.QuerySelectorAll(".search-result .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Contains("in Small Pond", page.QuerySelector(".search-summary")?.TextContent);
    }
}
