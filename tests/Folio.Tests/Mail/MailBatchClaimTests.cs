using Folio.Data;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Mail;

public sealed class MailBatchClaimTests
{
    private const int Emails = 120;

    [Fact]
    public async Task TwoPassesClaimingTheSameBatchAtOnceSendEachEmailOnce()
    {
        // A batch holds every email, so both passes read the same ones and race to claim them all.
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Mail:BatchSize"] = $"{Emails}" });
        var worker = await app.PauseMailAsync();
        await app.QueueAsync(MailSteps.Content("Claimed once"), Enumerable.Range(1, Emails).Select(n => new EmailRecipient($"reader{n}@example.com", "Reader")));

        // The queue's rows are held by a write of our own, so both passes read the due batch and then both wait to claim it.
        int[] sent;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            await using var holding = await db.Database.BeginTransactionAsync();
            await db.QueuedEmails.ExecuteUpdateAsync(set => set.SetProperty(e => e.Attempts, e => e.Attempts));
            var passes = Task.WhenAll(worker.ProcessDueAsync(), worker.ProcessDueAsync());
            await Task.Delay(TimeSpan.FromSeconds(1)); // time for both to read the batch; a slow machine only makes the race milder
            await holding.CommitAsync();
            sent = await passes;
        }

        Assert.Equal(Emails, sent.Sum());
        Assert.Equal(Emails, app.Outbox().Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.SentAt == null || e.Attempts != 1)));
    }
}
