using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Subscriptions;

public sealed class FollowingPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FollowingShowsNewestStoriesFromSubscribedCreatorsAndFollowedCommunitiesOnce()
    {
        var followed = await _app.Data.CommunityAsync("followed");
        var other = await _app.Data.CommunityAsync("other");
        var maya = await _app.Data.PersonAsync("maya");
        var ben = await _app.Data.PersonAsync("ben");
        var now = _app.Clock.UtcNow;
        await _app.Data.StoryAsync(other, maya, "Maya Elsewhere", publishedAt: now.AddHours(-3));
        await _app.Data.StoryAsync(followed, maya, "Maya In Followed", publishedAt: now.AddHours(-1));
        await _app.Data.StoryAsync(followed, ben, "Ben In Followed", publishedAt: now.AddHours(-2));
        await _app.Data.StoryAsync(other, ben, "Ben Elsewhere", publishedAt: now.AddMinutes(-5));
        await _app.Data.StoryAsync(followed, ben, "Ben Draft", status: StoryStatus.Draft);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.Data.StoryAsync(followed, reader.User!, "My Own", publishedAt: now.AddMinutes(-1));
        await reader.Http.PostFormAsync("/following/creators/maya", [new("follow", "true")], "/authors/maya");
        await reader.Http.PostFormAsync("/following/communities/followed", [new("follow", "true")], "/followed");

        var page = await reader.Http.GetHtmlAsync("/following");

        Assert.Equal(["Maya In Followed", "Ben In Followed", "Maya Elsewhere"],
            page.QuerySelectorAll(".story-card__title").Select(t => t.TextContent));
    }

    [Fact]
    public async Task FollowingIsPagedWithTheSharedPager()
    {
        var community = await _app.Data.CommunityAsync("prolific");
        var author = await _app.Data.PersonAsync("prolific-author");
        for (var i = 0; i < 13; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Story {i:00}", publishedAt: _app.Clock.UtcNow.AddHours(-i - 1));
        }

        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.PostFormAsync("/following/communities/prolific", [new("follow", "true")], "/prolific");

        var first = await reader.Http.GetHtmlAsync("/following");
        Assert.Equal(12, first.QuerySelectorAll(".story-card").Length);
        Assert.Equal("Story 00", first.QuerySelector(".story-card__title")?.TextContent);
        Assert.Equal("/following?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        var second = await reader.Http.GetHtmlAsync("/following?page=2");
        Assert.Equal(["Story 12"], second.QuerySelectorAll(".story-card__title").Select(t => t.TextContent));
        await reader.Http.GetHtmlAsync("/following?page=3", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEmptyFollowingPageExplainsHowToSubscribe()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/following");

        var empty = page.QuerySelector(".empty-state")!;
        Assert.Contains("You don’t follow anyone yet.", empty.TextContent);
        Assert.Contains("“Subscribe” button on their profile", empty.TextContent);
        Assert.NotNull(empty.QuerySelector("a[href='/explore']"));
    }

    [Fact]
    public async Task FollowingListsWhoAndWhatYouFollowWithButtonsToStop()
    {
        await _app.Data.CommunityAsync("quiet", "Quiet Place");
        await _app.Data.PersonAsync("ana", "Ana Souza");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.PostFormAsync("/following/creators/ana", [new("follow", "true")], "/authors/ana");
        await reader.Http.PostFormAsync("/following/communities/quiet", [new("follow", "true")], "/quiet");

        var page = await reader.Http.GetHtmlAsync("/following");
        Assert.Contains("Nothing new yet.", page.QuerySelector(".empty-state")?.TextContent);
        var lists = page.QuerySelectorAll(".follow-list");
        Assert.Equal("Ana Souza", lists[0].QuerySelector(".follow-list__name")?.TextContent.Trim());
        Assert.Equal("Quiet Place", lists[1].QuerySelector(".follow-list__name")?.TextContent.Trim());
        var stop = lists[0].QuerySelector("form")!;
        Assert.Equal("Unsubscribe", stop.QuerySelector("button")?.TextContent.Trim());

        var response = await reader.Http.PostFormAsync(stop.GetAttribute("action")!,
            stop.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)),
            "/following");

        Assert.Equal("/following", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.CommunityFollows.CountAsync()));
        Assert.Equal(["Quiet Place"], (await reader.Http.GetHtmlAsync("/following")).QuerySelectorAll(".follow-list__name").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public async Task VisitorsAreSentToSignInFromFollowing()
    {
        using var visitor = _app.NewBrowser();

        var response = await visitor.GetAsync("/following");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Ffollowing", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task TheHeaderLinksToFollowingForSignedInReaders()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/explore");

        Assert.NotNull(page.QuerySelector(".account-nav a[href='/following']"));
        Assert.Null((await _app.GetPageAsync("/explore")).QuerySelector(".account-nav a[href='/following']"));
    }
}
