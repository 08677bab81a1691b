using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Series;

public sealed class SeriesPagesTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task APartShowsItsPlaceAmongTheReadablePartsWithNeighboursAndContents()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator, "tess");
        var now = _app.Clock.UtcNow;
        var one = await _app.Data.StoryAsync(community, creator.User!, "The Crossing", publishedAt: now.AddDays(-3));
        var draft = await _app.Data.StoryAsync(community, creator.User!, "Unfinished Middle", status: StoryStatus.Draft);
        var two = await _app.Data.StoryAsync(community, creator.User!, "The Island", publishedAt: now.AddDays(-2));
        var three = await _app.Data.StoryAsync(community, creator.User!, "The Return", publishedAt: now.AddDays(-1));
        var seriesId = await creator.CreateSeriesAsync("Sea Journeys", "Three voyages, in order.");
        await creator.AddPartsAsync(seriesId, one.Id, draft.Id, two.Id, three.Id);

        using var reader = await _app.ClientForAsync(Persona.Anonymous);
        var page = await reader.Http.GetHtmlAsync($"/{community.Slug}/the-island");

        var box = page.QuerySelector(".series-box")!;
        Assert.Equal("Part 2 of 3 in Sea Journeys", box.QuerySelector(".series-box__where")!.TextContent.Trim());
        Assert.Equal("/authors/tess/series/sea-journeys", box.QuerySelector(".series-box__where a")!.GetAttribute("href"));
        Assert.Equal($"/{community.Slug}/the-crossing", box.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/{community.Slug}/the-return", box.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["The Crossing", "The Island", "The Return"], box.QuerySelectorAll(".series-parts li").Select(li => li.TextContent.Trim()));
        Assert.Equal("The Island", box.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal("Sign in to subscribe", box.QuerySelector(".follow a")!.TextContent);

        var first = await reader.Http.GetHtmlAsync($"/{community.Slug}/the-crossing");
        Assert.Equal("Part 1 of 3 in Sea Journeys", first.QuerySelector(".series-box__where")!.TextContent.Trim());
        Assert.Null(first.QuerySelector(".series-box a[rel=prev]"));
    }

    [Fact]
    public async Task TheSeriesPageListsTheReadablePartsWithDescriptionAndFeedsAndTheProfileLinksToIt()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator, "odile");
        var one = await _app.Data.StoryAsync(community, creator.User!, "Winter Letters", publishedAt: _app.Clock.UtcNow.AddDays(-2));
        var draft = await _app.Data.StoryAsync(community, creator.User!, "Spring Letters", status: StoryStatus.Draft);
        var seriesId = await creator.CreateSeriesAsync("Letters Home", "A year of letters.");
        await creator.AddPartsAsync(seriesId, one.Id, draft.Id);
        using var reader = await _app.ClientForAsync(Persona.Anonymous);

        var page = await reader.Http.GetHtmlAsync("/authors/odile/series/letters-home");

        Assert.Equal("Letters Home", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("A year of letters.", page.QuerySelector(".series-header__description")!.TextContent);
        Assert.Equal(["Part 1: Winter Letters"], page.QuerySelectorAll(".series-parts-list .story-link__title").Select(a => a.TextContent));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][href$='/authors/odile/series/letters-home/feed.xml']"));
        var feed = await reader.Http.GetStringAsync("/authors/odile/series/letters-home/feed.xml");
        Assert.Contains("Winter Letters", feed);
        Assert.DoesNotContain("Spring Letters", feed);
        Assert.Contains("Winter Letters", await reader.Http.GetStringAsync("/authors/odile/series/letters-home/feed.atom"));

        var profile = await reader.Http.GetHtmlAsync("/authors/odile");
        Assert.Equal("/authors/odile/series/letters-home", profile.QuerySelector(".profile-series a")!.GetAttribute("href"));
        await reader.Http.GetHtmlAsync("/authors/odile/series/no-such-series", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACreatorReordersAndRemovesPartsAndTheStoriesStay()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator, "ravi");
        var a = await _app.Data.StoryAsync(community, creator.User!, "Alpha Part");
        var b = await _app.Data.StoryAsync(community, creator.User!, "Beta Part");
        var c = await _app.Data.StoryAsync(community, creator.User!, "Gamma Part");
        var seriesId = await creator.CreateSeriesAsync("Greek Letters");
        await creator.AddPartsAsync(seriesId, a.Id, b.Id, c.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await creator.MovePartAsync(seriesId, c.Id, -1)).StatusCode);
        var manage = await creator.Http.GetHtmlAsync($"/me/series/{seriesId}");
        Assert.Equal(["Alpha Part", "Gamma Part", "Beta Part"], manage.QuerySelectorAll("[data-part] .dashboard-item__title").Select(t => t.TextContent));

        Assert.Equal(HttpStatusCode.Redirect, (await creator.RemovePartAsync(seriesId, a.Id)).StatusCode);
        var page = await creator.Http.GetHtmlAsync($"/{community.Slug}/gamma-part");
        Assert.Equal("Part 1 of 2 in Greek Letters", page.QuerySelector(".series-box__where")!.TextContent.Trim());
        var alpha = await creator.Http.GetHtmlAsync($"/{community.Slug}/alpha-part");
        Assert.Null(alpha.QuerySelector(".series-box"));
        Assert.Equal("Alpha Part", alpha.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task DeletingASeriesKeepsItsStories()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Kept Story");
        var seriesId = await creator.CreateSeriesAsync("Short Lived");
        await creator.AddPartsAsync(seriesId, story.Id);

        var deleted = await creator.Http.PostFormAsync($"/me/series/{seriesId}?handler=Delete", [], $"/me/series/{seriesId}");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Stories.AsNoTracking().SingleAsync(s => s.Id == story.Id));
        Assert.Null(stored.SeriesId);
        Assert.Null(stored.SeriesPosition);
        Assert.Equal(StoryStatus.Published, stored.Status);
        Assert.False(await _app.WithDbAsync(db => db.Series.AnyAsync(s => s.Id == seriesId)));
    }

    [Fact]
    public async Task AnotherCreatorsStoryIsRefusedInWordsAndAnotherCreatorsSeriesIsNotFound()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        using var other = await _app.ClientForAsync(Persona.Creator);
        var theirs = await _app.Data.StoryAsync(community, other.User!, "Not Mine");
        var mine = await _app.Data.StoryAsync(community, creator.User!, "Mine");
        var seriesId = await creator.CreateSeriesAsync("My Own Series");
        var otherSeries = await other.CreateSeriesAsync("Their Series");

        var refused = await creator.AddPartAsync(seriesId, theirs.Id);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("You can only add your own stories to your series.", (await refused.ReadHtmlAsync()).QuerySelector("[data-part-problem]")!.TextContent);
        Assert.Null(await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == theirs.Id).Select(s => s.SeriesId).SingleAsync()));
        var intoTheirs = await creator.Http.PostFormAsync($"/me/series/{otherSeries}?handler=Add", [new("storyId", mine.Id.ToString())], $"/me/series/{seriesId}");
        Assert.Equal(HttpStatusCode.NotFound, intoTheirs.StatusCode);
        await creator.Http.GetHtmlAsync($"/me/series/{otherSeries}", HttpStatusCode.NotFound);
        Assert.Null(await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == mine.Id).Select(s => s.SeriesId).SingleAsync()));
    }

    [Fact]
    public async Task AnEmptyTitleOrATakenAddressKeepsWhatWasTyped()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await creator.CreateSeriesAsync("Night Shifts");

        var empty = await creator.Http.PostFormAsync("/me/series", new() { ["Input.Title"] = " ", ["Input.Description"] = "Typed words." });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyPage = await empty.ReadHtmlAsync();
        Assert.Equal("Give the series a title.", emptyPage.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal("Typed words.", emptyPage.QuerySelector("textarea[name='Input.Description']")!.TextContent);

        var taken = await creator.Http.PostFormAsync("/me/series", new() { ["Input.Title"] = "Night Shifts", ["Input.Description"] = "Again." });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await taken.ReadHtmlAsync();
        Assert.Contains("You already have a series at this address", takenPage.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent);
        Assert.Equal("Night Shifts", takenPage.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Series.CountAsync(s => s.AuthorId == creator.User!.Id)));
    }
}
