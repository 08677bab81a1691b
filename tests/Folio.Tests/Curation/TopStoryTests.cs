using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Curation;

public sealed class TopStoryTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Story Story, string Url)> StoryAsync(string? title = null)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), title);
        return (story, $"/{community.Slug}/{story.Slug}");
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient browser, Story story, string note, string formPage) =>
        browser.PostFormAsync($"/stories/{story.Id}/top?handler=Mark", [new("Note", note)], formPage);

    private Task<Story> ReloadAsync(Story story) => _app.WithDbAsync(async db => (await db.Stories.FindAsync(story.Id))!);

    [Fact]
    public async Task AModeratorMarksATopStoryWithANoteThatShowsOnTheStoryAndAtTop()
    {
        var (story, url) = await StoryAsync("Worth Your Time");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var form = await moderator.Http.GetHtmlAsync(url);
        Assert.Equal("Mark as Top story", form.QuerySelector("details.curate > summary")?.TextContent);
        var response = await MarkAsync(moderator.Http, story, "  A quiet, exact piece about rivers.  ", url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url + "#top-story", response.Headers.Location?.OriginalString);
        var marked = await ReloadAsync(story);
        Assert.Equal("A quiet, exact piece about rivers.", marked.TopStoryNote);
        Assert.Equal(moderator.User!.Id, marked.TopStoryById);
        Assert.NotNull(marked.TopStoryAt);

        var page = await _app.GetPageAsync(url);
        var badge = page.QuerySelector(".story-header #top-story")!;
        Assert.Equal("Top story", badge.QuerySelector(".top-story__badge")!.TextContent.Replace("★", "").Trim());
        Assert.Equal("Why we picked it: A quiet, exact piece about rivers.", badge.QuerySelector(".top-story__note")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("details.curate"));

        var top = await _app.GetPageAsync("/top");
        Assert.Equal(["Worth Your Time"], top.QuerySelectorAll(".top-stories .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Contains("A quiet, exact piece about rivers.", top.QuerySelector(".top-stories__item .top-story__note")!.TextContent);
    }

    [Theory]
    [InlineData("", "Say in a sentence or two why you picked it")]
    [InlineData("   ", "Say in a sentence or two why you picked it")]
    [InlineData(null, "Keep the note to 280 characters.")]
    public async Task TheNoteIsRequiredAndShort(string? note, string error)
    {
        var (story, url) = await StoryAsync();
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        note ??= new string('x', 281);

        var response = await MarkAsync(moderator.Http, story, note, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(error, page.QuerySelector("[data-valmsg-for=Note]")?.TextContent);
        Assert.Null((await ReloadAsync(story)).TopStoryAt);
    }

    [Fact]
    public async Task AModeratorCanEditTheNoteAndRemoveTheStoryFromTopStories()
    {
        var (story, url) = await StoryAsync();
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await MarkAsync(moderator.Http, story, "First reason.", url);
        var markedAt = (await ReloadAsync(story)).TopStoryAt;
        _app.Clock.Now = _app.Clock.Now.AddHours(1);

        await MarkAsync(moderator.Http, story, "A better reason.", url);
        var edited = await ReloadAsync(story);
        Assert.Equal("A better reason.", edited.TopStoryNote);
        Assert.Equal(markedAt, edited.TopStoryAt);

        var removed = await moderator.Http.PostFormAsync($"/stories/{story.Id}/top?handler=Remove", [], url);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await ReloadAsync(story)).TopStoryAt);
        Assert.Null((await _app.GetPageAsync(url)).QuerySelector(".top-story"));
        Assert.Empty((await _app.GetPageAsync("/top")).QuerySelectorAll(".top-stories__item"));
    }

    [Theory]
    [InlineData(Persona.Anonymous)]
    [InlineData(Persona.Reader)]
    [InlineData(Persona.Creator)]
    [InlineData(Persona.Trusted)]
    public async Task OnlyModeratorsMayMarkOrRemoveTopStories(Persona persona)
    {
        var (story, url) = await StoryAsync();
        var (picked, pickedUrl) = await StoryAsync();
        using (var moderator = await _app.ClientForAsync(Persona.Moderator))
        {
            await MarkAsync(moderator.Http, picked, "Already picked.", pickedUrl);
        }

        using var client = await _app.ClientForAsync(persona);
        using var tokenSource = persona == Persona.Anonymous ? await _app.ClientForAsync(Persona.Reader) : null;
        var token = (await (tokenSource ?? client).Http.GetHtmlAsync("/write")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Null((await client.Http.GetHtmlAsync(url)).QuerySelector("details.curate"));
        var mark = await client.Http.PostAsync($"/stories/{story.Id}/top?handler=Mark",
            new FormUrlEncodedContent([new("Note", "Sneaky."), new("__RequestVerificationToken", token)]));
        var remove = await client.Http.PostAsync($"/stories/{picked.Id}/top?handler=Remove",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        foreach (var response in new[] { mark, remove })
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains(persona == Persona.Anonymous ? "/signin" : "/error/403")),
                $"{persona}: {(int)response.StatusCode} {location}");
        }

        Assert.Null((await ReloadAsync(story)).TopStoryAt);
        Assert.Equal("Already picked.", (await ReloadAsync(picked)).TopStoryNote);
    }

    [Fact]
    public async Task TopListsTheNewestPicksFirstAPageAtATime()
    {
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var titles = new List<string>();
        for (var i = 1; i <= 13; i++)
        {
            var (story, url) = await StoryAsync($"Pick {i:00}");
            await MarkAsync(moderator.Http, story, $"Reason {i}.", url);
            titles.Add(story.Title);
            _app.Clock.Now = _app.Clock.Now.AddMinutes(5);
        }

        var (unpublished, unpublishedUrl) = await StoryAsync("Gone Now");
        await MarkAsync(moderator.Http, unpublished, "Was good.", unpublishedUrl);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(unpublished.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        var first = await _app.GetPageAsync("/top");
        var second = await _app.GetPageAsync("/top?page=2");

        titles.Reverse();
        Assert.Equal(titles.Take(12), first.QuerySelectorAll(".top-stories .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal(titles.Skip(12), second.QuerySelectorAll(".top-stories .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("Reason 1.", second.QuerySelector(".top-story__note")!.TextContent.Replace("Why we picked it:", "").Trim());
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
        await _app.GetPageAsync("/top?page=3", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExploreShowsTheNewestTopStoriesAndLinksToThemAll()
    {
        var empty = await _app.GetPageAsync("/explore");
        Assert.Contains("No Top stories yet", empty.QuerySelector(".explore-top-stories .empty-state")?.TextContent);

        var (story, url) = await StoryAsync("Explored Pick");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await MarkAsync(moderator.Http, story, "Because.", url);

        var explore = await _app.GetPageAsync("/explore");
        Assert.Equal("Explored Pick", explore.QuerySelector(".explore-top-stories .story-card__title")?.TextContent.Trim());
        Assert.NotNull(explore.QuerySelector(".explore-top-stories a[href='/top']"));
        await _app.GetPageAsync("/top");
    }
}
