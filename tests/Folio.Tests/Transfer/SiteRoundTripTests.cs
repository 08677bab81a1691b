using AngleSharp.Html.Dom;
using Folio.Features.Comments;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Features.Subscriptions;
using Folio.Features.Transfer;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

/// <summary>`export` on one site, `import folio` on a fresh one: the story pages read the same.</summary>
public sealed class SiteRoundTripTests : IDisposable
{
    private readonly FolioProcess _source = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly FolioProcess _target = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
        _files.Dispose();
    }

    private static async Task<string[]> StoryPathsAsync(FolioApp site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Folio.Data.FolioDb>();
        return await db.Stories.Where(s => s.Status == StoryStatus.Published).OrderBy(s => s.Title)
            .Select(s => "/" + s.Community.Slug + "/" + s.Slug).ToArrayAsync();
    }

    /// <summary>What a reader sees on a story page, without what differs by site (ids in anchors, relative times).</summary>
    private static string[] Readable(IHtmlDocument page) =>
    [
        page.QuerySelector(".story-title")!.TextContent,
        page.QuerySelector(".story-deck")!.TextContent,
        page.QuerySelector(".byline time")!.GetAttribute("datetime")!,
        page.QuerySelector(".story-body")!.InnerHtml,
        string.Join(",", page.QuerySelectorAll(".tag-list a").Select(a => a.GetAttribute("href"))),
        page.QuerySelector(".about-creator")!.TextContent,
        string.Join("|", page.QuerySelectorAll(".comment").Select(c =>
            (c.QuerySelector(".comment__author")?.TextContent ?? "") + (c.QuerySelector(".comment__body")?.InnerHtml ?? c.QuerySelector(".comment__tombstone")?.TextContent))),
        page.QuerySelector("#insights, .insights, [aria-labelledby*=insights]")?.TextContent ?? "",
    ];

    [Fact]
    public async Task AnExportedSiteImportedIntoAFreshOneShowsTheSameStoryPages()
    {
        using (var site = new FolioApp(dataDirectory: _source.DataDirectory))
        {
            await SiteWithDataAsync(site);
        }

        var file = Path.Combine(_files.Folder, "site.json");
        var export = await _source.RunAsync("export", file);
        var import = await _target.RunAsync("import", "folio", file);
        var again = await _target.RunAsync("import", "folio", file);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith("3 imported, 0 unchanged (already imported), 0 skipped", import.Out);
        Assert.StartsWith("0 imported, 3 unchanged (already imported), 0 skipped", again.Out);
        using var source = new FolioApp(dataDirectory: _source.DataDirectory);
        using var target = new FolioApp(dataDirectory: _target.DataDirectory);
        var paths = await StoryPathsAsync(source);
        Assert.Equal(2, paths.Length);
        Assert.Equal(paths, await StoryPathsAsync(target));
        foreach (var path in paths)
        {
            Assert.Equal(Readable(await source.GetPageAsync(path)), Readable(await target.GetPageAsync(path)));
        }

        var river = Readable(await target.GetPageAsync("/earth/the-river"));
        Assert.Contains("Lovely <strong>piece</strong>", river[6]);
        Assert.Contains("Eye opening", river[7]);

        Assert.Equal(await source.WithDbAsync(db => db.Comments.CountAsync()), await target.WithDbAsync(db => db.Comments.CountAsync()));
        Assert.Equal(1, await target.WithDbAsync(db => db.Subscriptions.CountAsync()));
        Assert.Equal(StoryStatus.Draft, await target.WithDbAsync(db => db.Stories.Where(s => s.Title == "Notes").Select(s => s.Status).SingleAsync()));
    }

    internal static async Task SiteWithDataAsync(FolioApp site)
    {
        var earth = await site.Data.CommunityAsync("earth", "Earth");
        var maya = await site.Data.PersonAsync("maya", "Maya Okafor", "Writes about rivers.");
        var ana = await site.Data.PersonAsync("ana", "Ana Ruiz");
        var river = await site.Data.StoryAsync(earth, maya, "The River", "Water **rises**.\n\n## Later\n\n- one\n- two\n",
            new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), ["Rivers", "Memory"], subtitle: "What a flood taught a town");
        await site.Data.StoryAsync(earth, ana, "Dry Season", "No rain for *weeks*.", new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Utc), ["Climate"]);
        await site.Data.StoryAsync(earth, maya, "Notes", status: StoryStatus.Draft);
        var comment = await site.Data.CommentAsync(river, ana, "Lovely **piece**.");
        await site.Data.CommentAsync(river, maya, "Thank you!", parent: comment);
        var gone = await site.Data.CommentAsync(river, ana, "Never mind.");
        await site.Data.InsightsAsync(river, ana, InsightQuality.EyeOpening, InsightQuality.ExcellentStorytelling);
        await site.Data.HeartAsync(river, ana);
        await site.WithDbAsync(async db =>
        {
            db.Subscriptions.Add(new Subscription { SubscriberId = ana.Id, CreatorId = maya.Id, CreatedAt = site.Clock.UtcNow });
            (await db.Set<Comment>().FindAsync(gone.Id))!.Delete(site.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
    }
}
