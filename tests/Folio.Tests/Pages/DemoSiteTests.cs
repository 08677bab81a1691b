using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Pages;

/// <summary>The first-run experience: a new data directory gets Folio's demo site, and every page of it works.</summary>
public sealed class DemoSiteTests : IDisposable
{
    private readonly FolioApp _app = new(seedDemo: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheDemoSiteHasAnOpenChallengeAndAJudgedOneWithItsResults()
    {
        var list = await _app.GetPageAsync("/challenges");
        Assert.Contains("A River in 500 Words", list.QuerySelector("[data-section='open']")?.TextContent);
        Assert.Contains("Small Hours", list.QuerySelector("[data-section='closed']")?.TextContent);

        var judged = await _app.GetPageAsync("/challenges/small-hours");

        Assert.Equal(["winner", "second", "runnerup"], judged.QuerySelectorAll("[data-results] [data-placement]").Select(li => li.GetAttribute("data-placement")));
        foreach (var href in judged.QuerySelectorAll("[data-results] .challenge-results__story a[href]").Select(a => a.GetAttribute("href")!))
        {
            await _app.GetPageAsync(href);
        }

        Assert.StartsWith("4 entries judged by 2 judges", judged.QuerySelector("[data-statistics]")?.TextContent.Trim());
        var winner = judged.QuerySelector("[data-results] [data-placement='winner'] .challenge-results__story a")!.GetAttribute("href")!;
        Assert.Equal("Winner of Small Hours", (await _app.GetPageAsync(winner)).QuerySelector(".story-award .award-badge")?.TextContent.Trim());
        var placedNotices = await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Folio.Features.Notifications.NotificationKind.ChallengePlaced));
        Assert.Equal(3, placedNotices);
    }

    [Fact]
    public async Task TheDemoSiteHasASeriesWhosePartsReadInOrder()
    {
        var series = await _app.GetPageAsync("/authors/priya/series/recipes-from-home");

        Assert.Equal("Recipes from Home", series.QuerySelector("h1")?.TextContent);
        var parts = series.QuerySelectorAll(".series-parts-list .story-link__title").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, parts.Count);
        var middle = await _app.GetPageAsync(parts[1]);
        Assert.Equal("Part 2 of 3 in Recipes from Home", middle.QuerySelector(".series-box__where")?.TextContent.Trim());
        Assert.Equal(parts[0], middle.QuerySelector(".series-box a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(parts[2], middle.QuerySelector(".series-box a[rel=next]")?.GetAttribute("href"));
        Assert.NotNull((await _app.GetPageAsync("/authors/priya")).QuerySelector(".profile-series a[href='/authors/priya/series/recipes-from-home']"));
    }

    [Fact]
    public async Task FirstRunFillsAnEmptyDatabaseWithTheDemoSite()
    {
        var counts = await _app.WithDbAsync(async db => new
        {
            Communities = await db.Communities.CountAsync(),
            Creators = await db.Stories.Select(s => s.AuthorId).Distinct().CountAsync(),
            Stories = await db.Stories.Published().CountAsync(),
            Tags = await db.Tags.CountAsync(),
            Replies = await db.Comments.CountAsync(c => c.ParentId != null),
            Insights = await db.ReaderInsights.CountAsync(),
            Hearts = await db.Hearts.CountAsync(),
            Oldest = await db.Stories.MinAsync(s => s.PublishedAt),
            Newest = await db.Stories.MaxAsync(s => s.PublishedAt),
            Logos = await db.Communities.CountAsync(c => c.LogoUrl!.EndsWith(".svg")),
            Bios = await db.Users.CountAsync(u => u.Bio != "" && u.AvatarUrl != null),
        });

        Assert.True(counts.Communities >= 8);
        Assert.Equal(counts.Communities, counts.Logos);
        Assert.True(counts.Creators >= 6);
        Assert.True(counts.Bios >= 6);
        Assert.True(counts.Stories >= 40);
        Assert.True(counts.Tags >= 10);
        Assert.True(counts.Replies > 10);
        Assert.True(counts.Insights > 0);
        Assert.True(counts.Hearts > 0);
        Assert.True((counts.Newest - counts.Oldest)!.Value.TotalDays > 180, "publish times spread over months");
    }

    [Fact]
    public async Task RestartingNeverDuplicatesDemoContent()
    {
        var before = await _app.WithDbAsync(db => db.Stories.CountAsync());

        using var restarted = new FolioApp(seedDemo: true, dataDirectory: _app.DataDirectory);
        var after = await restarted.WithDbAsync(async db => (Stories: await db.Stories.CountAsync(), Communities: await db.Communities.CountAsync()));

        Assert.Equal(before, after.Stories);
        Assert.Equal(8, after.Communities);
    }

    [Fact]
    public async Task EveryDemoPageRendersWithOneHeadingAndNoInlineCode()
    {
        var urls = new List<string> { "/", "/?page=2", "/explore", "/insights", "/contact", "/privacy", "/terms", "/support" };
        await _app.WithDbAsync(async db =>
        {
            urls.AddRange(await db.Stories.Published().Select(s => "/" + s.Community.Slug + "/" + s.Slug).ToListAsync());
            urls.AddRange(await db.Communities.Select(c => "/" + c.Slug).ToListAsync());
            urls.AddRange(await db.Users.Select(u => "/authors/" + u.UserName).ToListAsync());
            urls.AddRange(await db.Tags.Select(t => "/tags/" + t.Slug).ToListAsync());
            urls.AddRange(await db.Series.Select(s => "/authors/" + s.Author.UserName + "/series/" + s.Slug).ToListAsync());
        });

        foreach (var url in urls)
        {
            var page = await _app.GetPageAsync(url);

            Assert.True(page.QuerySelectorAll("h1").Length == 1, $"{url} has {page.QuerySelectorAll("h1").Length} h1 elements");
            Assert.NotNull(page.QuerySelector("header.site-header"));
            Assert.NotNull(page.QuerySelector("main#main"));
            Assert.NotNull(page.QuerySelector("footer.site-footer"));
            Assert.NotNull(page.QuerySelector("meta[name=description]"));
            Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            // JSON-LD is data the browser never executes, so the CSP allows it; any other script must come from a file.
            Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"),
                script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url} has an inline script"));
            Assert.All(page.QuerySelectorAll("img"), img => Assert.NotNull(img.GetAttribute("alt")));
        }
    }

    [Fact]
    public async Task DemoImagesAndLogosAreServed()
    {
        var paths = await _app.WithDbAsync(async db =>
            (await db.Communities.Select(c => c.LogoUrl!).ToListAsync())
            .Concat(await db.Users.Select(u => u.AvatarUrl!).ToListAsync())
            .Concat(await db.Stories.Where(s => s.HeroImageUrl != null).Select(s => s.HeroImageUrl!).ToListAsync())
            .Concat((await db.Stories.Select(s => s.BodyHtml).ToListAsync())
                .SelectMany(html => System.Text.RegularExpressions.Regex.Matches(html, "src=\"(/demo/[^\"]+)\"").Select(m => m.Groups[1].Value)))
            .Distinct()
            .ToList());
        using var client = _app.CreateClient();

        Assert.True(paths.Count > 30);
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task CommunityThemeStylesheetGivesEachCommunityItsAccent()
    {
        using var client = _app.CreateClient();
        var css = await client.GetStringAsync("/theme/communities.css");

        Assert.Contains("[data-community=\"earth\"]{--accent:#2f6b45}", css);
    }
}
