using System.Net;
using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pins;

public sealed class ProfilePinTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Task<HttpResponseMessage> PinAsync(HttpClient browser, Story story, string url, string place = "profile", string handler = "Pin") =>
        browser.PostFormAsync($"/stories/{story.Id}/pins/{place}?handler={handler}", [new("ReturnUrl", url)], url);

    private static string[] PinnedTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-pinned] .story-card__title").Select(t => t.TextContent.Trim())];

    private async Task<(Community Community, SignedInClient Creator)> CreatorAsync()
    {
        var community = await _app.Data.CommunityAsync();
        return (community, await _app.ClientForAsync(Persona.Creator));
    }

    [Fact]
    public async Task ACreatorPinsTheirStoryAndItShowsFirstOnTheirProfileMarkedPinned()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var older = await _app.Data.StoryAsync(community, creator.User!, "The Older One", publishedAt: _app.Clock.UtcNow.AddDays(-9));
        await _app.Data.StoryAsync(community, creator.User!, "The Newer One");
        var url = $"/{community.Slug}/{older.Slug}";
        var profile = $"/authors/{creator.User!.UserName}";
        Assert.Empty(PinnedTitles(await _app.GetPageAsync(profile)));

        var form = await creator.Http.GetHtmlAsync(url);
        Assert.Equal("Pin to your profile: The Older One", form.QuerySelector("#pins button[data-pin=profile]")?.TextContent.Trim());
        var response = await PinAsync(creator.Http, older, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var page = await _app.GetPageAsync(profile);
        Assert.Equal(["The Older One"], PinnedTitles(page));
        Assert.Contains("Pinned", page.QuerySelector("[data-pinned] .pinned-stories__marker")!.TextContent);
        // The list below keeps every story, so its counts and pages stay as they were.
        Assert.Equal(["The Newer One", "The Older One"], page.QuerySelectorAll("#stories-title ~ .story-grid .story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("Unpin from your profile: The Older One", (await creator.Http.GetHtmlAsync(url)).QuerySelector("#pins button[data-pin=profile]")?.TextContent.Trim());
    }

    [Fact]
    public async Task PinningEvictsTheCachedProfileAndUnpinningTakesItOff()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var story = await _app.Data.StoryAsync(community, creator.User!, "Cached Pin");
        var url = $"/{community.Slug}/{story.Slug}";
        var profile = $"/authors/{creator.User!.UserName}";
        await _app.VisitAsync(profile);
        await _app.VisitAsync($"/{community.Slug}");
        Assert.True((await _app.VisitAsync(profile)).FromCache);

        await PinAsync(creator.Http, story, url);
        var pinned = await _app.VisitAsync(profile);
        Assert.False(pinned.FromCache);
        Assert.Equal(["Cached Pin"], PinnedTitles(await _app.GetPageAsync(profile)));

        await PinAsync(creator.Http, story, url, handler: "Unpin");
        Assert.Empty(PinnedTitles(await _app.GetPageAsync(profile)));
    }

    [Fact]
    public async Task AFourthPinIsRefusedNamingTheLimitAndOffersThePinsToUnpin()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var stories = new List<Story>();
        for (var i = 0; i < 4; i++)
        {
            stories.Add(await _app.Data.StoryAsync(community, creator.User!, $"Story number {i}"));
        }

        foreach (var story in stories.Take(3))
        {
            _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
            Assert.Equal(HttpStatusCode.Redirect, (await PinAsync(creator.Http, story, $"/{community.Slug}/{story.Slug}")).StatusCode);
        }

        var fourth = stories[3];
        var response = await PinAsync(creator.Http, fourth, $"/{community.Slug}/{fourth.Slug}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Your profile already has 3 pinned stories, the most it can have: unpin one first.", page.QuerySelector("[data-pin-message]")?.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll(".pin-list button[data-pinned=true]").Length);
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(fourth.Id)))!.ProfilePinnedAt);
        // Newest pin first.
        Assert.Equal(["Story number 2", "Story number 1", "Story number 0"], PinnedTitles(await _app.GetPageAsync($"/authors/{creator.User!.UserName}")));
    }

    [Fact]
    public async Task NobodyPinsSomeoneElsesStoryToTheirProfile()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var others = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Not Mine");
        var url = $"/{community.Slug}/{others.Slug}";
        Assert.Null((await creator.Http.GetHtmlAsync(url)).QuerySelector("#pins"));

        var response = await PinAsync(creator.Http, others, url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You can pin only your own stories to your profile.", (await response.ReadHtmlAsync()).QuerySelector("[data-pin-message]")?.TextContent.Trim());
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(others.Id)))!.ProfilePinnedAt);
    }

    [Fact]
    public async Task AnUnpublishedStoryCantBePinnedAndDropsOutOfThePinsWhenUnpublished()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var draft = await _app.Data.StoryAsync(community, creator.User!, "Still A Draft", status: StoryStatus.Draft);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Soon Gone");
        var url = $"/{community.Slug}/{story.Slug}";

        var refused = await creator.Http.PostFormAsync($"/stories/{draft.Id}/pins/profile?handler=Pin", [], url);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Only a published story can be pinned.", (await refused.ReadHtmlAsync()).QuerySelector("[data-pin-message]")?.TextContent.Trim());

        await PinAsync(creator.Http, story, url);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        Assert.Empty(PinnedTitles(await _app.GetPageAsync($"/authors/{creator.User!.UserName}")));
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(story.Id)))!.ProfilePinnedAt);
    }

    [Fact]
    public async Task AnUnknownPlaceIsNotFoundAndASignedOutPinGoesToSignIn()
    {
        var (community, creator) = await CreatorAsync();
        using var _ = creator;
        var story = await _app.Data.StoryAsync(community, creator.User!);
        var url = $"/{community.Slug}/{story.Slug}";

        Assert.Equal(HttpStatusCode.NotFound, (await PinAsync(creator.Http, story, url, place: "sidebar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await creator.Http.PostFormAsync("/stories/999999/pins/profile?handler=Pin", [], url)).StatusCode);
        using var visitor = _app.NewBrowser();
        var anonymous = await visitor.PostAsync($"/stories/{story.Id}/pins/profile?handler=Pin", new FormUrlEncodedContent([]));
        Assert.False(anonymous.IsSuccessStatusCode);
        Assert.Null((await _app.WithDbAsync(async db => await db.Stories.FindAsync(story.Id)))!.ProfilePinnedAt);
    }
}
