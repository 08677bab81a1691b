using Folio.Data;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Folio.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new FolioDb(new DbContextOptionsBuilder<FolioDb>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run dotnet ef migrations add <Name> "
            + "--project src/Folio --output-dir Data/Migrations/Sqlite.");
    }

    [Fact]
    public void PostgresMigrationsMatchTheModel()
    {
        using var db = new PostgresFolioDb(new DbContextOptionsBuilder<PostgresFolioDb>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run dotnet ef migrations add <Name> "
            + "--context PostgresFolioDb --project src/Folio --output-dir Data/Migrations/Postgres.");
    }

    [Fact]
    public async Task TheAppRunsOnTheProviderTheTestRunAskedFor()
    {
        using var app = new FolioApp();

        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));

        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task EveryMigrationIsAppliedAtStartUp()
    {
        using var app = new FolioApp();

        var unapplied = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());

        Assert.Empty(unapplied);
    }

    [Fact]
    public async Task EmailsStillQueuedKeepTheirSubjectAndTextWhenTheirContentMovesToATableOfItsOwn()
    {
        using var app = new FolioApp();
        await app.PauseMailAsync();

        var content = await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(id => id.EndsWith("_Newsletters", StringComparison.Ordinal)) - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "QueuedEmails" ("ToAddress", "ToName", "Subject", "Text", "CreatedAt", "NextAttemptAt", "Attempts")
                VALUES ('reader@example.com', 'Reader', 'Queued before the upgrade', 'Still here.', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 0)
                """);
            await migrator.MigrateAsync();
            return await db.QueuedEmails.AsNoTracking().Select(e => new { e.ToAddress, e.Content.Subject, e.Content.Text }).SingleAsync();
        });

        Assert.Equal(("reader@example.com", "Queued before the upgrade", "Still here."), (content.ToAddress, content.Subject, content.Text));
        Assert.Equal(1, await app.WithDbAsync(async db =>
        {
            // The next content gets an id of its own, after the moved ones (PostgreSQL's identity was moved past them).
            db.EmailContents.Add(new Folio.Features.Mail.EmailContent { Subject = "After", Text = "New." });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task TimesComeBackFromTheDatabaseAsUtc()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());

        var (createdAt, publishedAt) = await app.WithDbAsync(async db =>
        {
            var loaded = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == story.Id);
            return (loaded.CreatedAt, loaded.PublishedAt!.Value);
        });

        Assert.Equal(DateTimeKind.Utc, createdAt.Kind);
        Assert.Equal(DateTimeKind.Utc, publishedAt.Kind);
    }
}
