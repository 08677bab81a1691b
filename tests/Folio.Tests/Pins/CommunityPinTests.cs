using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pins;

/// <summary>Folio's moderators look after every community: they and admins pin to a community's page.</summary>
public sealed class CommunityPinTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Task<HttpResponseMessage> PinAsync(HttpClient browser, Story story, string url, string handler = "Pin") =>
        browser.PostFormAsync($"/stories/{story.Id}/pins/community?handler={handler}", [new("ReturnUrl", url)], url);

    private static string[] PinnedTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-pinned] .story-card__title").Select(t => t.TextContent.Trim())];

    [Theory]
    [InlineData(Persona.Admin)]
    [InlineData(Persona.Moderator)]
    public async Task AModeratorOrAdminPinsAStoryToTheTopOfItsCommunityPage(Persona persona)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "House Favourite", publishedAt: _app.Clock.UtcNow.AddDays(-30));
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Fresh Today");
        var url = $"/{community.Slug}/{story.Slug}";
        using var admin = await _app.ClientForAsync(persona);
        await _app.VisitAsync($"/{community.Slug}");

        Assert.Equal("Pin to the community page: House Favourite", (await admin.Http.GetHtmlAsync(url)).QuerySelector("#pins button[data-pin=community]")?.TextContent.Trim());
        var response = await PinAsync(admin.Http, story, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _app.GetPageAsync($"/{community.Slug}");
        Assert.Equal(["House Favourite"], PinnedTitles(page));
        Assert.Equal($"Pinned in {community.Name}", page.QuerySelector("#pinned-title")?.TextContent);
        Assert.Equal("2 stories", page.QuerySelector(".community-header .muted")?.TextContent);

        await PinAsync(admin.Http, story, url, "Unpin");
        Assert.Empty(PinnedTitles(await _app.GetPageAsync($"/{community.Slug}")));
    }

    [Theory]
    [InlineData(Persona.Creator)]
    [InlineData(Persona.Trusted)]
    public async Task OnlyModeratorsAndAdminsPinToACommunityPageNotEvenTheStorysCreator(Persona persona)
    {
        var community = await _app.Data.CommunityAsync();
        using var client = await _app.ClientForAsync(persona);
        var story = await _app.Data.StoryAsync(community, client.User!, "Wants The Top");
        var url = $"/{community.Slug}/{story.Slug}";
        Assert.Null((await client.Http.GetHtmlAsync(url)).QuerySelector("#pins button[data-pin=community]"));

        var response = await PinAsync(client.Http, story, url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only moderators and admins", (await response.ReadHtmlAsync()).QuerySelector("[data-pin-message]")?.TextContent);
        Assert.Empty(PinnedTitles(await _app.GetPageAsync($"/{community.Slug}")));
    }

    [Fact]
    public async Task AFourthCommunityPinIsRefusedWhileAnotherCommunityHasRoom()
    {
        var community = await _app.Data.CommunityAsync();
        var elsewhere = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        using var admin = await _app.ClientForAsync(Persona.Admin);
        for (var i = 0; i < 3; i++)
        {
            var pinned = await _app.Data.StoryAsync(community, author);
            Assert.Equal(HttpStatusCode.Redirect, (await PinAsync(admin.Http, pinned, $"/{community.Slug}/{pinned.Slug}")).StatusCode);
        }

        var fourth = await _app.Data.StoryAsync(community, author);
        var response = await PinAsync(admin.Http, fourth, $"/{community.Slug}/{fourth.Slug}");
        var other = await _app.Data.StoryAsync(elsewhere, author);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("This community already has 3 pinned stories, the most it can have: unpin one first.",
            (await response.ReadHtmlAsync()).QuerySelector("[data-pin-message]")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await PinAsync(admin.Http, other, $"/{elsewhere.Slug}/{other.Slug}")).StatusCode);
        Assert.Equal(3, PinnedTitles(await _app.GetPageAsync($"/{community.Slug}")).Length);
    }
}
