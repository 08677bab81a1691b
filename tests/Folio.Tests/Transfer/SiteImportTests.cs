using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

public sealed class SiteImportTests : IDisposable
{
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> ExportedSiteAsync()
    {
        using var source = new FolioApp();
        await SiteRoundTripTests.SiteWithDataAsync(source);
        var path = Path.Combine(_files.Folder, "site.json");
        await using var scope = source.Services.CreateAsyncScope();
        await using var output = File.Create(path);
        await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
        return path;
    }

    private static async Task<ImportReport> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
        Assert.True(report is not null, problem);
        return report;
    }

    [Fact]
    public async Task ImportingIntoASiteThatHasSomeOfItKeepsWhatIsThereAndAddsTheRestOnce()
    {
        var path = await ExportedSiteAsync();
        using var site = new FolioApp();
        var earth = await site.Data.CommunityAsync("earth", "Our Earth");
        var maya = await site.Data.PersonAsync("maya-here", "Maya Here");
        await site.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == maya.Id);
            (account.Email, account.NormalizedEmail) = ("maya@test.example", "MAYA@TEST.EXAMPLE");
            await db.SaveChangesAsync();
        });
        await site.Data.StoryAsync(earth, maya, "The River");

        var first = await ImportAsync(site, path);
        var second = await ImportAsync(site, path);

        Assert.Equal((3, 0), (first.Imported, first.Skipped.Count));
        Assert.Equal(["ana (Ana Ruiz)"], first.CreatedAccounts);
        Assert.Contains(first.Notes, n => n.Text.Contains("/earth/the-river-2"));
        Assert.Equal((0, 3), (second.Imported, second.Unchanged));
        Assert.Equal("Our Earth", await site.WithDbAsync(db => db.Communities.Select(c => c.Name).SingleAsync()));
        Assert.Equal(4, await site.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(3, await site.WithDbAsync(db => db.Comments.CountAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.ReaderInsights.CountAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.Stories.CountAsync(s => s.AuthorId == maya.Id && s.Title == "The River")));
    }

    [Theory]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "is not a Folio export")]
    [InlineData("{\"format\":\"folio-export\",\"version\":2}", "is a version 2 export")]
    [InlineData("[1,2]", "is not a Folio export")]
    public async Task AFileThatIsNotAVersion1ExportStopsTheImport(string json, string problem)
    {
        using var site = new FolioApp();
        var path = _files.Write("other.json", json);

        await using var scope = site.Services.CreateAsyncScope();
        var (report, message) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);

        Assert.Null(report);
        Assert.Contains(problem, message);
    }
}
