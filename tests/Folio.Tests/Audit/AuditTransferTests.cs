using System.Text.Json;
using Folio.Features.Audit;
using Folio.Features.Operations;
using Folio.Features.Transfer;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Folio.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Audit;

/// <summary>The log goes with the site: in the export, back in with an import (once), and through a backup and restore.</summary>
public sealed class AuditTransferTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("folio-audit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheExportCarriesTheLogAndAnImportAddsItOnce()
    {
        var file = Path.Combine(_folder, "site.json");
        using (var source = new FolioApp())
        {
            var ada = await source.Data.PersonAsync("ada", "Ada Admin");
            await source.AuditEntryAsync(AuditActions.CommunityEdit, "community", "4", "Edited the community Night Owls",
                new { name = "Owls" }, new { name = "Night Owls" }, actorName: "Ada Admin (@ada)", actorId: ada.Id,
                at: new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc));
            await source.AuditEntryAsync(AuditActions.RoleGrant, "user", ada.Id, "Granted admin to @ada", actorName: AuditLog.CommandLineActor);
            await using var scope = source.Services.CreateAsyncScope();
            await using var output = File.Create(file);
            var counts = await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
            Assert.Equal(2, counts.AuditEntries);
        }

        var log = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("auditLog");
        Assert.Equal(2, log.GetArrayLength());
        Assert.Equal("ada", log[0].GetProperty("actorUsername").GetString());
        Assert.Equal("Ada Admin (@ada)", log[0].GetProperty("actor").GetString());
        Assert.Equal("""{"name":"Owls"}""", log[0].GetProperty("before").GetString());
        Assert.Equal(JsonValueKind.Null, log[1].GetProperty("actorUsername").ValueKind);

        using var target = new FolioApp();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = target.Services.CreateAsyncScope();
            var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(file, TransferProgress.None, CancellationToken.None);
            Assert.True(report is not null, problem);
        }

        var entries = await target.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.At).ToListAsync());
        Assert.Equal(["Edited the community Night Owls", "Granted admin to @ada"], entries.Select(e => e.Summary));
        var adaHere = await target.WithDbAsync(db => db.Users.Where(u => u.UserName == "ada").Select(u => u.Id).SingleAsync());
        Assert.Equal(adaHere, entries[0].ActorId);
        Assert.Equal(new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), entries[0].At);
        Assert.Equal([new AuditChange("name", "Owls", "Night Owls")], AuditChanges.Of(entries[0].Before, entries[0].After));
        Assert.Equal((null, AuditLog.CommandLineActor), (entries[1].ActorId, entries[1].ActorName));
    }

    [Fact]
    public async Task ABackupRestoresTheLog()
    {
        using var source = new SqliteSite();
        var archive = Path.Combine(_folder, "site.zip");
        using (var app = source.App())
        {
            await app.AuditEntryAsync(AuditActions.StoryDecision, "story", "12", "Approved “Kept through a restore”");
            Assert.True(await app.WithDbAsync(db => Task.FromResult(ActivatorUtilities.CreateInstance<SiteBackup>(app.Services).Create(db, archive, false).Succeeded)));
        }

        using var target = new SqliteSite();
        using var folio = new FolioProcess();
        var run = await folio.RunAsync([.. target.CommandSettings, "restore", archive]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var restored = target.App();
        var entry = await restored.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("story.decision", "12", "Approved “Kept through a restore”"), (entry.Action, entry.SubjectId, entry.Summary));
    }
}
