using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Series;

/// <summary>The story editor's Series choice: the author's own series or none, through the same editor as /me/series.</summary>
public sealed class EditorSeriesChoiceTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> WithSeries(Dictionary<string, string> fields, string series)
    {
        fields["SeriesOffered"] = "true";
        fields["Series"] = series;
        return fields;
    }

    private async Task<(int? SeriesId, int? Position)> PlaceOfAsync(int storyId)
    {
        var place = await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).Select(s => new { s.SeriesId, s.SeriesPosition }).SingleAsync());
        return (place.SeriesId, place.SeriesPosition);
    }

    [Fact]
    public async Task TheEditorOffersOnlyTheAuthorsOwnSeriesAndNone()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        using var other = await _app.ClientForAsync(Persona.Creator);
        await creator.CreateSeriesAsync("Recipes from Home");
        await other.CreateSeriesAsync("Somebody Else’s Saga");

        var page = await creator.Http.GetHtmlAsync("/write");

        Assert.Equal(["None", "Recipes from Home"], page.QuerySelectorAll("select[name=Series] option").Select(o => o.TextContent.Trim()));
        Assert.Equal("", page.QuerySelector("select[name=Series] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ANewStoryChosenIntoASeriesBecomesItsNextPartAndTheEditorShowsTheChoice()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var first = await _app.Data.StoryAsync(community, creator.User!, "Part One");
        var seriesId = await creator.CreateSeriesAsync("Recipes from Home");
        await creator.AddPartsAsync(seriesId, first.Id);

        var response = await creator.Http.PostStoryAsync(WithSeries(StoryForms.Fields(community.Slug, "Part Two"), seriesId.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.StoryId();
        Assert.Equal((seriesId, 2), await PlaceOfAsync(id));
        var editor = await creator.Http.GetHtmlAsync($"/stories/{id}/edit");
        Assert.Equal("Draft saved. It is part 2 of the series “Recipes from Home”.", editor.QuerySelector(".notice--success")?.TextContent.Trim());
        Assert.Equal(seriesId.ToString(), editor.QuerySelector("select[name=Series] option[selected]")?.GetAttribute("value"));
        Assert.Equal(["Part One", "Part Two"], (await creator.Http.GetHtmlAsync($"/me/series/{seriesId}")).QuerySelectorAll("[data-parts] .dashboard-item__title")
            .Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task ChoosingNoneTakesTheStoryOutOfItsSeriesAndKeepsTheStory()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, creator.User!, "Leaving Soon", status: StoryStatus.Draft);
        var seriesId = await creator.CreateSeriesAsync("Recipes from Home");
        await creator.AddPartsAsync(seriesId, story.Id);

        var response = await creator.Http.PostStoryAsync(WithSeries(StoryForms.Fields(community.Slug, "Leaving Soon"), ""), story.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((null, null), await PlaceOfAsync(story.Id));
        Assert.Contains("Taken out of the series “Recipes from Home”.", (await creator.Http.GetHtmlAsync($"/stories/{story.Id}/edit")).Body!.TextContent);
    }

    [Fact]
    public async Task AFormWithoutTheChoiceLeavesTheSeriesAsItIs()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, creator.User!, "Staying Put", status: StoryStatus.Draft);
        var seriesId = await creator.CreateSeriesAsync("Recipes from Home");
        await creator.AddPartsAsync(seriesId, story.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "Staying Put"), story.Id)).StatusCode);

        Assert.Equal((seriesId, 1), await PlaceOfAsync(story.Id));
    }

    [Theory]
    [InlineData("theirs")]
    [InlineData("not-a-number")]
    [InlineData("999999")]
    public async Task SomeoneElsesSeriesIsRefusedOnTheSamePageKeepingWhatWasTyped(string series)
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        using var other = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var theirs = await other.CreateSeriesAsync("Somebody Else’s Saga");
        await creator.CreateSeriesAsync("Recipes from Home");

        var response = await creator.Http.PostStoryAsync(WithSeries(StoryForms.Fields(community.Slug, "Typed With Care", subtitle: "Kept subtitle"),
            series == "theirs" ? theirs.ToString() : series));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Choose one of your own series, or none.", page.QuerySelector("[data-series-error]")?.TextContent.Trim());
        Assert.Equal("Typed With Care", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("Kept subtitle", page.QuerySelector("input[name='Input.Subtitle']")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == "Typed With Care")));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Stories.CountAsync(s => s.SeriesId == theirs)));
    }
}
