using System.Net;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

/// <summary>
/// A reader who hides AI-generated stories and violence sees neither in any list they browse; another reader and a
/// visitor see all three. The story page's own lists (read next, more from the creator) count as lists; the story
/// itself still opens from a link.
/// </summary>
public sealed class HidingOnEveryListTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> Lists() =>
    [
        "/",
        "/explore",
        "/top",
        "/{community}",
        "/tags/" + HiddenStories.Tag,
        "/authors/{author}",
        "/authors/{author}?community={community}",
        "/search?q=" + HiddenStories.Word,
        "/search?q=" + HiddenStories.Word + "&community={community}&tag=" + HiddenStories.Tag,
        "/following",
        "{plain}",
    ];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task HiddenStoriesAreLeftOutForTheReaderWhoHidesThemOnly(string list)
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var hider = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ClientForAsync(Persona.Reader);
        using var visitor = await _app.ClientForAsync(Persona.Anonymous);
        foreach (var reader in new[] { hider, other })
        {
            await reader.Http.PostFormAsync($"/following/communities/{site.Community.Slug}", [new("follow", "true")], "/" + site.Community.Slug);
        }

        await HiddenStories.ChooseAsync(_app, hider.User!, hideAiGenerated: true, ContentWarnings.Violence);
        var url = site.Resolve(list);
        // Asked signed out first, so a page cached for visitors would show itself to the reader below.
        var signedOut = list == "/following" ? null : (await visitor.Http.GetHtmlAsync(url)).Body!.TextContent;

        var hidden = (await hider.Http.GetHtmlAsync(url)).Body!.TextContent;
        var shown = (await other.Http.GetHtmlAsync(url)).Body!.TextContent;
        var signedOutAfter = list == "/following" ? null : (await visitor.Http.GetHtmlAsync(url)).Body!.TextContent;

        var others = list == "{plain}" ? new[] { site.Generated.Title, site.Violent.Title } : [site.Plain.Title, site.Generated.Title, site.Violent.Title];
        Assert.DoesNotContain(site.Generated.Title, hidden);
        Assert.DoesNotContain(site.Violent.Title, hidden);
        if (list != "{plain}")
        {
            Assert.Contains(site.Plain.Title, hidden);
        }

        Assert.All(others, title => Assert.Contains(title, shown));
        if (signedOut is not null)
        {
            Assert.All(others, title => Assert.Contains(title, signedOut));
            Assert.All(others, title => Assert.Contains(title, signedOutAfter));
        }
    }

    [Fact]
    public async Task AHiddenStoryStillOpensFromALink()
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var hider = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, hider.User!, hideAiGenerated: true, ContentWarnings.Violence);

        var page = await hider.Http.GetHtmlAsync($"/{site.Community.Slug}/{site.Generated.Slug}");

        Assert.Equal(site.Generated.Title, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task AWarningTheReaderDoesNotHideLeavesTheStoryInTheirLists()
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: false, ContentWarnings.SelfHarm | ContentWarnings.Spoilers);

        var page = (await reader.Http.GetHtmlAsync("/" + site.Community.Slug)).Body!.TextContent;

        Assert.Contains(site.Violent.Title, page);
        Assert.Contains(site.Generated.Title, page);
    }

    [Fact]
    public async Task ACommunityPageStillFillsItsPagesWithWhatTheReaderSeesWithoutCountingThem()
    {
        var community = await _app.Data.CommunityAsync(TestData.Unique("busy"));
        var author = await _app.Data.PersonAsync();
        for (var i = 0; i < 15; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Busy Story {i:00}", publishedAt: _app.Clock.UtcNow.AddHours(-i - 1));
        }

        // The two newest are AI-generated: the first page reaches past them for twelve others.
        await _app.WithDbAsync(db => db.Stories.Where(s => s.Title == "Busy Story 00" || s.Title == "Busy Story 01")
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Making, StoryMaking.AiGenerated)));
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: true, ContentWarnings.None);

        var first = await reader.Http.GetHtmlAsync("/" + community.Slug);
        var second = await reader.Http.GetHtmlAsync($"/{community.Slug}?page=2");

        Assert.Equal(12, first.QuerySelectorAll(".story-card").Length);
        Assert.Equal("Busy Story 02", first.QuerySelector(".story-card__title")?.TextContent.Trim());
        Assert.Contains("15 stories · your reading choices may hide some", first.Body!.TextContent);
        Assert.Equal("Page 1", first.QuerySelector(".pager__status")?.TextContent);
        Assert.Equal(["Busy Story 14"], second.QuerySelectorAll(".story-card__title").Select(t => t.TextContent.Trim()));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        await reader.Http.GetHtmlAsync($"/{community.Slug}?page=3", HttpStatusCode.NotFound);
        var visitor = await _app.GetPageAsync("/" + community.Slug);
        Assert.Contains("15 stories", visitor.Body!.TextContent);
        Assert.DoesNotContain("reading choices", visitor.Body!.TextContent);
    }
}
