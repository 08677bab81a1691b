using Folio.Data;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

/// <summary>
/// SQLite's writes queue at <see cref="SqliteWriteGate"/>: these prove the gate is always given back, whichever way a
/// write ends. A gate kept by mistake would hold every later write for <see cref="SqliteWriteGate.Patience"/>, so each
/// later write here must finish well within it. On PostgreSQL there is no gate and the same writes must simply work.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static readonly TimeSpan WellWithinPatience = SqliteWriteGate.Patience / 3;

    [Fact]
    public async Task ATransactionDisposedWithoutACommitGivesTheGateBack()
    {
        using var app = new FolioApp();
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.EmailContents.Add(new EmailContent { Subject = "Abandoned", Text = "Never committed." });
            await db.SaveChangesAsync();
            // Disposed here without Commit or Rollback, as when an exception leaves an `await using` block.
        });

        await AnotherWriteGoesThroughAsync(app, "After the abandoned transaction");
        Assert.False(await app.WithDbAsync(db => db.EmailContents.AnyAsync(c => c.Subject == "Abandoned")));
    }

    [Fact]
    public async Task AFailedSaveAndAFailedStatementGiveTheGateBack()
    {
        using var app = new FolioApp();
        await app.WithDbAsync(async db =>
        {
            // An email whose content does not exist: the database refuses the save, after the gate was taken.
            db.QueuedEmails.Add(new QueuedEmail { ToAddress = "reader@example.com", ContentId = int.MaxValue });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        await app.WithDbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "NoSuchTable" SET "X" = 1"""));
        });

        await AnotherWriteGoesThroughAsync(app, "After the failed save and statement");
    }

    [Fact]
    public async Task ASaveRefusedForAConcurrencyConflictGivesTheGateBack()
    {
        using var app = new FolioApp();
        var person = await app.Data.PersonAsync();

        await app.WithDbAsync(async first => await app.WithDbAsync(async second =>
        {
            var mine = await first.Users.SingleAsync(u => u.Id == person.Id);
            var theirs = await second.Users.SingleAsync(u => u.Id == person.Id);
            (mine.Bio, mine.ConcurrencyStamp) = ("Mine.", Guid.NewGuid().ToString());
            (theirs.Bio, theirs.ConcurrencyStamp) = ("Theirs.", Guid.NewGuid().ToString());
            await first.SaveChangesAsync();
            // The stamp the second read is gone: EF Core refuses the save, and raises no SaveChangesFailed for it.
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }));

        await AnotherWriteGoesThroughAsync(app, "After the conflict");
    }

    [Fact]
    public async Task ManyWritersAtOnceAllGetTheirTurn()
    {
        using var app = new FolioApp();
        await AnotherWriteGoesThroughAsync(app, "Before forty writers");

        await Task.WhenAll(Enumerable.Range(1, 40).Select(writer => Task.Run(() => app.WithDbAsync(async db =>
        {
            if (writer % 2 == 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.EmailContents.Add(new EmailContent { Subject = $"Writer {writer}", Text = "In a transaction." });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            else
            {
                db.EmailContents.Add(new EmailContent { Subject = $"Writer {writer}", Text = "On its own." });
                await db.SaveChangesAsync();
                await db.EmailContents.Where(c => c.Subject == $"Writer {writer}").ExecuteUpdateAsync(set => set.SetProperty(c => c.Html, "<p>Updated.</p>"));
            }
        }))));

        Assert.Equal(40, await app.WithDbAsync(db => db.EmailContents.CountAsync(c => c.Subject.StartsWith("Writer "))));
        Assert.Equal(20, await app.WithDbAsync(db => db.EmailContents.CountAsync(c => c.Html == "<p>Updated.</p>")));
        await AnotherWriteGoesThroughAsync(app, "After forty writers");
    }

    private static async Task AnotherWriteGoesThroughAsync(FolioApp app, string subject)
    {
        var write = app.WithDbAsync(async db =>
        {
            db.EmailContents.Add(new EmailContent { Subject = subject, Text = "Written." });
            await db.SaveChangesAsync();
        });
        await write.WaitAsync(WellWithinPatience);
        Assert.True(await app.WithDbAsync(db => db.EmailContents.AnyAsync(c => c.Subject == subject)));
    }
}
