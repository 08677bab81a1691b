using Folio.Features.Series;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Series;

/// <summary>A series travels with the site export, the account export and a Markdown file's front matter.</summary>
public sealed class SeriesTransferTests : IDisposable
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

    [Fact]
    public async Task ASeriesWithItsPartsAndSubscribersSurvivesARoundTripOnce()
    {
        using (var site = new FolioApp(dataDirectory: _source.DataDirectory))
        {
            var community = await site.Data.CommunityAsync("sea", "The Sea");
            var author = await site.Data.PersonAsync("nell");
            var reader = await site.Data.PersonAsync("otto");
            var second = await site.Data.StoryAsync(community, author, "Second Watch");
            var first = await site.Data.StoryAsync(community, author, "First Watch");
            await site.WithDbAsync(async db =>
            {
                var series = new StorySeries { AuthorId = author.Id, Title = "Night Watches", Slug = "night-watches", Description = "Two watches.", CreatedAt = site.Clock.UtcNow, UpdatedAt = site.Clock.UtcNow };
                db.Series.Add(series);
                await db.SaveChangesAsync();
                await db.Stories.Where(s => s.Id == first.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, series.Id).SetProperty(s => s.SeriesPosition, 1));
                await db.Stories.Where(s => s.Id == second.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, series.Id).SetProperty(s => s.SeriesPosition, 2));
                db.SeriesSubscriptions.Add(new SeriesSubscription { UserId = reader.Id, SeriesId = series.Id, CreatedAt = site.Clock.UtcNow });
                await db.SaveChangesAsync();
            });
        }

        var file = Path.Combine(_files.Folder, "site.json");
        var export = await _source.RunAsync("export", file);
        var import = await _target.RunAsync("import", "folio", file);
        var again = await _target.RunAsync("import", "folio", file);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("1 series", export.Out);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        using var target = new FolioApp(dataDirectory: _target.DataDirectory);
        var series = await target.WithDbAsync(db => db.Series.AsNoTracking().SingleAsync());
        Assert.Equal(("Night Watches", "night-watches", "Two watches."), (series.Title, series.Slug, series.Description));
        Assert.Equal(["First Watch", "Second Watch"], await target.WithDbAsync(db => db.Stories.Where(s => s.SeriesId == series.Id).OrderBy(s => s.SeriesPosition).Select(s => s.Title).ToListAsync()));
        Assert.Equal("otto", await target.WithDbAsync(db => db.SeriesSubscriptions.Select(s => s.User.UserName).SingleAsync()));
        var page = await target.GetPageAsync("/authors/nell/series/night-watches");
        Assert.Equal(2, page.QuerySelectorAll(".series-parts-list .story-link").Length);
    }

    [Fact]
    public async Task AMarkdownFilesFrontMatterPutsTheStoryInTheAuthorsSeriesAtItsPart()
    {
        using var app = new FolioApp();
        await app.Data.CommunityAsync("sea");
        await app.Data.PersonAsync("nell");
        _files.Write("two.md", TransferFiles.Story("""
            title: The Second Crossing
            community: sea
            author: nell
            date: 2024-02-01
            series: Crossings
            series_part: 2
            """));
        _files.Write("one.md", TransferFiles.Story("""
            title: The First Crossing
            community: sea
            author: nell
            date: 2024-01-01
            series: Crossings
            series_part: 1
            """));
        _files.Write("bad.md", TransferFiles.Story("""
            title: A Bad Part
            community: sea
            author: nell
            series: Crossings
            series_part: first
            """));

        ImportReport report;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            report = await ActivatorUtilities.CreateInstance<MarkdownImporter>(scope.ServiceProvider).ImportAsync(_files.Folder, TransferProgress.None, CancellationToken.None);
        }

        Assert.Equal(2, report.Imported);
        Assert.Contains(report.Skipped, s => s.Text.Contains("series_part “first” is not a part number"));
        var series = await app.WithDbAsync(db => db.Series.AsNoTracking().SingleAsync());
        Assert.Equal(("Crossings", "crossings"), (series.Title, series.Slug));
        var page = await app.GetPageAsync("/authors/nell/series/crossings");
        Assert.Equal(["Part 1: The First Crossing", "Part 2: The Second Crossing"], page.QuerySelectorAll(".series-parts-list .story-link__title").Select(a => a.TextContent));
    }

    [Fact]
    public async Task TheAccountExportHoldsTheCreatorsSeriesAndTheSeriesTheySubscribeTo()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync();
        using var creator = await app.ClientForAsync(Persona.Creator, "hale");
        var story = await app.Data.StoryAsync(community, creator.User!, "Harbour One");
        var seriesId = await creator.CreateSeriesAsync("Harbours");
        await creator.AddPartsAsync(seriesId, story.Id);
        await app.WithDbAsync(async db =>
        {
            db.SeriesSubscriptions.Add(new SeriesSubscription { UserId = creator.User!.Id, SeriesId = seriesId, CreatedAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });

        var export = System.Text.Json.JsonDocument.Parse(await creator.Http.GetStringAsync("/settings/export")).RootElement;

        var series = export.GetProperty("series").EnumerateArray().Single();
        Assert.Equal(("Harbours", "/authors/hale/series/harbours"), (series.GetProperty("title").GetString(), series.GetProperty("url").GetString()));
        Assert.Equal([story.Id], series.GetProperty("parts").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("Harbours", export.GetProperty("subscribedSeries").EnumerateArray().Single().GetProperty("title").GetString());
    }
}
