using System.Text.Json;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Saved;

/// <summary>Saved stories leave with their reader: in "Download my data", in the site export and back in through its import.</summary>
public sealed class SavedDataTests : IDisposable
{
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task DownloadMyDataListsTheStoriesISavedAndNoOneElses()
    {
        using var app = new FolioApp();
        using var reader = await app.ClientForAsync(Persona.Reader);
        var other = await app.Data.PersonAsync();
        var first = await app.StoryAsync("Saved First");
        var second = await app.StoryAsync("Saved Second");
        await app.SaveAsync(second, reader.User!, app.Clock.UtcNow.AddDays(-1));
        await app.SaveAsync(first, reader.User!, app.Clock.UtcNow.AddDays(-2));
        await app.SaveAsync(await app.StoryAsync("Someone Else's Save"), other, app.Clock.UtcNow);

        var text = await reader.Http.GetStringAsync("/settings/export");

        var saved = JsonDocument.Parse(text).RootElement.GetProperty("savedStories").EnumerateArray().ToList();
        Assert.Equal(["Saved First", "Saved Second"], saved.Select(s => s.GetProperty("storyTitle").GetString()));
        Assert.Equal(SavedFixtures.UrlOf(first), saved[0].GetProperty("storyUrl").GetString());
        Assert.Equal(app.Clock.UtcNow.AddDays(-2), saved[0].GetProperty("savedAt").GetDateTime().ToUniversalTime());
        Assert.DoesNotContain("Someone Else", text);
    }

    [Fact]
    public async Task TheSiteExportCarriesSavedStoriesAndImportingTwiceAddsThemOnce()
    {
        var path = Path.Combine(_files.Folder, "site.json");
        DateTime savedAt;
        using (var source = new FolioApp())
        {
            var reader = await source.Data.PersonAsync("saver", "Sam Saver");
            var river = await source.StoryAsync("The River");
            var hills = await source.StoryAsync("The Hills");
            await source.StoryAsync("Nobody Saved This");
            savedAt = source.Clock.UtcNow.AddDays(-3);
            await source.SaveAsync(river, reader, savedAt);
            await source.SaveAsync(hills, reader, savedAt.AddHours(1));
            await source.SaveAsync(hills, await source.Data.PersonAsync("other-saver"), savedAt);
            await using var scope = source.Services.CreateAsyncScope();
            await using var output = File.Create(path);
            var counts = await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
            Assert.Equal(3, counts.Saved);
        }

        using var target = new FolioApp();
        await ImportAsync(target, path);
        var again = await ImportAsync(target, path);

        Assert.Equal(0, again.Imported);
        var stored = await target.WithDbAsync(db => db.SavedStories.AsNoTracking()
            .OrderBy(s => s.User.UserName).ThenBy(s => s.SavedAt)
            .Select(s => new { s.User.UserName, s.Story.Title, s.SavedAt }).ToListAsync());
        Assert.Equal(
            [("other-saver", "The Hills", savedAt), ("saver", "The River", savedAt), ("saver", "The Hills", savedAt.AddHours(1))],
            stored.Select(s => (s.UserName!, s.Title, s.SavedAt)));
    }

    [Fact]
    public async Task DeletingAStoryOrAnAccountTakesItsSavedEntriesWithIt()
    {
        using var app = new FolioApp();
        var reader = await app.Data.PersonAsync();
        var leaving = await app.Data.PersonAsync();
        var deleted = await app.StoryAsync();
        var kept = await app.StoryAsync();
        await app.SaveAsync(deleted, reader, app.Clock.UtcNow);
        await app.SaveAsync(kept, reader, app.Clock.UtcNow);
        await app.SaveAsync(kept, leaving, app.Clock.UtcNow);

        await app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => s.Id == deleted.Id).ExecuteDeleteAsync();
            db.Users.Remove((await db.Users.FindAsync(leaving.Id))!);
            await db.SaveChangesAsync();
        });

        var left = await app.WithDbAsync(db => db.SavedStories.Select(s => new { s.UserId, s.StoryId }).ToListAsync());
        Assert.Equal([(reader.Id, kept.Id)], left.Select(s => (s.UserId, s.StoryId)));
    }

    private static async Task<ImportReport> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
        Assert.True(report is not null, problem);
        return report;
    }
}
