using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pins;

/// <summary>The Pin and Unpin buttons on the creator's own list, /me/stories: plain forms, the story page's rules, a message back.</summary>
public sealed class MyStoriesPinTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static IElement Item(IHtmlDocument page, string title) =>
        page.QuerySelectorAll(".dashboard-item").Single(item => item.QuerySelector(".dashboard-item__title")?.TextContent.Trim() == title);

    /// <summary>Presses the story's pin button as a browser would: the form's own action and antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PressPinAsync(HttpClient browser, string title, string list = "/me/stories")
    {
        var page = await browser.GetHtmlAsync(list);
        var form = Item(page, title).QuerySelector("button[data-pin=profile]")!.Closest("form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private static async Task<string> StatusMessageAsync(HttpClient browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetHtmlAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector("[data-status-message]")!.TextContent.Trim();
    }

    [Fact]
    public async Task ACreatorPinsAndUnpinsAPublishedStoryFromTheirListAndIsToldSo()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, creator.User!, "Pin Me Here");
        await _app.Data.StoryAsync(community, creator.User!, "Only A Draft", status: StoryStatus.Draft);

        var before = await creator.Http.GetHtmlAsync("/me/stories");
        Assert.Equal("Pin to your profile: Pin Me Here", Item(before, "Pin Me Here").QuerySelector("button[data-pin]")?.TextContent.Trim());
        Assert.Null(Item(before, "Only A Draft").QuerySelector("button[data-pin]"));

        var pinned = await PressPinAsync(creator.Http, "Pin Me Here");

        Assert.Equal("/me/stories", pinned.Headers.Location?.OriginalString);
        Assert.Equal("“Pin Me Here” is pinned to your profile.", await StatusMessageAsync(creator.Http, pinned));
        Assert.NotNull((await _app.WithDbAsync(async db => await db.Stories.FindAsync(story.Id)))!.ProfilePinnedAt);
        var after = await creator.Http.GetHtmlAsync("/me/stories");
        Assert.NotNull(Item(after, "Pin Me Here").QuerySelector("[data-pinned-mark]"));
        Assert.Equal("Unpin from your profile: Pin Me Here", Item(after, "Pin Me Here").QuerySelector("button[data-pin]")?.TextContent.Trim());
        Assert.Equal(["Pin Me Here"], (await _app.GetPageAsync($"/authors/{creator.User!.UserName}"))
            .QuerySelectorAll("[data-pinned] .story-card__title").Select(t => t.TextContent.Trim()));

        var unpinned = await PressPinAsync(creator.Http, "Pin Me Here");

        Assert.Equal("“Pin Me Here” is no longer pinned to your profile.", await StatusMessageAsync(creator.Http, unpinned));
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(story.Id)))!.ProfilePinnedAt);
        Assert.Null(Item(await creator.Http.GetHtmlAsync("/me/stories"), "Pin Me Here").QuerySelector("[data-pinned-mark]"));
    }

    [Fact]
    public async Task AFourthPinIsRefusedWithAMessageNamingTheLimit()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        for (var i = 0; i < 4; i++)
        {
            await _app.Data.StoryAsync(community, creator.User!, $"Story number {i}", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PressPinAsync(creator.Http, $"Story number {i}")).StatusCode);
        }

        var response = await PressPinAsync(creator.Http, "Story number 3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await creator.Http.GetHtmlAsync(response.Headers.Location!.OriginalString);
        var message = page.QuerySelector("[data-status-message]")!;
        Assert.Equal("Your profile already has 3 pinned stories, the most it can have: unpin one first.", message.TextContent.Trim());
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal(3, page.QuerySelectorAll("[data-pinned-mark]").Length);
        Assert.Null(Item(page, "Story number 3").QuerySelector("[data-pinned-mark]"));
    }

    [Fact]
    public async Task SomeoneElsesStoryIsRefusedAndAnUnknownOneIsNotFound()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, creator.User!, "Mine");
        var others = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Not Mine");

        var refused = await creator.Http.PostFormAsync($"/me/stories?handler=Pin&id={others.Id}", [], "/me/stories");

        Assert.Equal("You can pin only your own stories to your profile.", await StatusMessageAsync(creator.Http, refused));
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(others.Id)))!.ProfilePinnedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await creator.Http.PostFormAsync("/me/stories?handler=Pin&id=999999", [], "/me/stories")).StatusCode);
    }

    [Fact]
    public async Task APinFromTheSecondPageReturnsToIt()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        for (var i = 0; i <= Folio.Features.Writing.MyStoriesModel.PublishedPageSize; i++)
        {
            await _app.Data.StoryAsync(community, creator.User!, $"Paged {i}", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        var response = await PressPinAsync(creator.Http, $"Paged {Folio.Features.Writing.MyStoriesModel.PublishedPageSize}", "/me/stories?page=2");

        Assert.Equal("/me/stories?page=2", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ThePinnedStateComesWithTheListNotAQueryPerStory()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, creator.User!, "First");
        await _app.CommandsRunByAsync(creator.Http, "/me/stories");
        var few = (await _app.CommandsRunByAsync(creator.Http, "/me/stories")).Count;

        for (var i = 0; i < 4; i++)
        {
            var story = await _app.Data.StoryAsync(community, creator.User!, $"More {i}");
            if (i < 3)
            {
                await PressPinAsync(creator.Http, story.Title);
            }
        }

        Assert.Equal(3, (await creator.Http.GetHtmlAsync("/me/stories")).QuerySelectorAll("[data-pinned-mark]").Length);
        await _app.CommandsRunByAsync(creator.Http, "/me/stories");
        Assert.Equal(few, (await _app.CommandsRunByAsync(creator.Http, "/me/stories")).Count);
    }
}
