using System.Net;
using AngleSharp.Html.Dom;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

/// <summary>
/// A reader whose reading choices hide stories pages through lists without a count of what they see: each page fills
/// past the hidden stories, "Next" shows while more follow and the last page has none.
/// </summary>
public sealed class PagingPastHiddenStoriesTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheHomePageGoesOnPastHiddenStoriesAndStopsAtTheLastVisibleOne()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        // Three loved stories head the first page as Featured; Latest follows with the rest.
        for (var i = 1; i <= 3; i++)
        {
            var featured = await _app.Data.StoryAsync(community, author, $"Loved Story {i}", publishedAt: _app.Clock.UtcNow.AddHours(-i));
            await _app.Data.HeartAsync(featured, await _app.Data.PersonAsync());
        }

        var visible = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            var title = $"Paged Story {i:00}";
            await _app.Data.StoryAsync(community, author, title, publishedAt: _app.Clock.UtcNow.AddHours(-4 - i));
            if (i % 4 != 1)
            {
                visible.Add(title);
            }
        }

        // Every fourth is hidden from the reader, for being AI-generated or for its warning.
        await _app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => s.Title.StartsWith("Paged Story") && (s.Title.EndsWith("01") || s.Title.EndsWith("09") || s.Title.EndsWith("17") || s.Title.EndsWith("25")))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Making, StoryMaking.AiGenerated));
            await db.Stories.Where(s => s.Title.StartsWith("Paged Story") && (s.Title.EndsWith("05") || s.Title.EndsWith("13") || s.Title.EndsWith("21")))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Warnings, ContentWarnings.Violence));
        });
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: true, ContentWarnings.Violence);

        var first = await reader.Http.GetHtmlAsync("/");
        var second = await reader.Http.GetHtmlAsync("/?page=2");

        Assert.Equal(20, visible.Count);
        Assert.Equal(visible.Take(12), Latest(first));
        Assert.Equal(visible.Skip(12), Latest(second));
        Assert.Equal("Page 1", first.QuerySelector(".pager__status")?.TextContent);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("Page 2", second.QuerySelector(".pager__status")?.TextContent);
        Assert.Equal("/", second.QuerySelector(".pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        await reader.Http.GetHtmlAsync("/?page=3", HttpStatusCode.NotFound);

        var visitor = await _app.GetPageAsync("/");
        Assert.Equal("Page 1 of 3", visitor.QuerySelector(".pager__status")?.TextContent);
    }

    [Fact]
    public async Task ListsThatFitOnOnePageForTheReaderShowNoPager()
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: true, ContentWarnings.Violence);

        foreach (var url in new[] { "/" + site.Community.Slug, "/tags/" + HiddenStories.Tag })
        {
            var page = await reader.Http.GetHtmlAsync(url);

            Assert.Null(page.QuerySelector(".pager"));
            Assert.Equal([site.Plain.Title], page.QuerySelectorAll(".story-card__title").Select(t => t.TextContent.Trim()).Distinct());
            var count = page.QuerySelectorAll("p.muted").Single(p => p.TextContent.Contains("stories", StringComparison.Ordinal));
            Assert.Equal("3 stories · your reading choices may hide some", count.TextContent);
            Assert.Equal("/settings/reading", count.QuerySelector("a")?.GetAttribute("href"));
        }
    }

    private static List<string> Latest(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[aria-labelledby=latest-title] .story-card__title").Select(t => t.TextContent.Trim())];
}
