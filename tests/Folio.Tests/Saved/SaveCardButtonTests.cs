using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;
using static Folio.Tests.Saved.SavedFixtures;

namespace Folio.Tests.Saved;

/// <summary>
/// Cards shown outside a plain story list (the home page's Featured, Explore's sections, Top, search results) carry the
/// same Save button as a list's cards (Features/Saved/_SavedMarks.cshtml): for a signed-in reader, with the reader's own
/// state; never on what a visitor is served.
/// </summary>
public sealed class SaveCardButtonTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static IElement CardOf(IHtmlDocument page, string section, Story story) =>
        page.QuerySelectorAll($"{section} .story-card").Single(card => card.QuerySelector(".story-card__title")!.TextContent.Trim() == story.Title);

    private static string? StateOf(IElement card) => card.QuerySelector("form[data-save] button")?.GetAttribute("data-saved");

    /// <summary>Saves the story from its card on <paramref name="url"/>, as the card's form does without script, and looks again.</summary>
    private async Task ReaderSavesFromTheCardAsync(string url, string section, params Story[] stories)
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var before = await reader.Http.GetHtmlAsync(url);
        foreach (var story in stories)
        {
            Assert.Equal("false", StateOf(CardOf(before, section, story)));
        }

        var form = CardOf(before, section, stories[0]).QuerySelector("form[data-save]")!;
        Assert.Equal($"/stories/{stories[0].Id}/save", form.GetAttribute("action"));
        var returnUrl = form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value");
        Assert.Equal(url, returnUrl);
        var saved = await reader.Http.PostSaveAsync(stories[0].Id, save: true, returnUrl: returnUrl);
        Assert.Equal(url, saved.Headers.Location?.OriginalString);

        var after = await reader.Http.GetHtmlAsync(url);
        Assert.Equal("true", StateOf(CardOf(after, section, stories[0])));
        foreach (var other in stories.Skip(1))
        {
            Assert.Equal("false", StateOf(CardOf(after, section, other)));
        }

        Assert.Single(after.QuerySelectorAll("script[src^='/js/saved.js']"));
    }

    private static void NoSaveState(IHtmlDocument page)
    {
        Assert.NotEmpty(page.QuerySelectorAll(".story-card"));
        Assert.Empty(page.QuerySelectorAll("form[data-save]"));
        Assert.Empty(page.QuerySelectorAll("[data-saved]"));
    }

    private async Task<Story> TopStoryAsync(string title)
    {
        var story = await _app.StoryAsync(title);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await moderator.Http.PostFormAsync($"/stories/{story.Id}/top?handler=Mark", [new("Note", "Because it is good.")], UrlOf(story));
        return story;
    }

    [Fact]
    public async Task AFeaturedCardOnTheHomePageHasASaveButton()
    {
        var featured = await _app.StoryAsync("Featured Card");

        await ReaderSavesFromTheCardAsync("/", ".featured", featured);

        NoSaveState((await _app.CachedAsync("/")).Html);
    }

    [Fact]
    public async Task EveryCardOnExploreHasASaveButton()
    {
        var top = await TopStoryAsync("Explored Top Card");
        var latest = await _app.StoryAsync("Explored Latest Card");

        await ReaderSavesFromTheCardAsync("/explore", ".explore-top-stories", top);
        await ReaderSavesFromTheCardAsync("/explore", "main", latest);

        NoSaveState((await _app.CachedAsync("/explore")).Html);
    }

    [Fact]
    public async Task ACardOnTopHasASaveButton()
    {
        var top = await TopStoryAsync("Picked Card");
        var other = await TopStoryAsync("Other Picked Card");

        await ReaderSavesFromTheCardAsync("/top", ".top-stories", top, other);

        NoSaveState((await _app.CachedAsync("/top")).Html);
    }

    [Fact]
    public async Task ASearchResultHasASaveButton()
    {
        var found = await _app.StoryAsync("Kingfisher Card");
        var alsoFound = await _app.StoryAsync("Kingfisher Second Card");
        const string url = "/search?q=kingfisher";

        await ReaderSavesFromTheCardAsync(url, ".search-results", found, alsoFound);

        using var visitor = _app.NewBrowser();
        NoSaveState(await visitor.GetHtmlAsync(url));
    }
}
