using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

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

        var sent = await Task.WhenAll(worker.ProcessDueAsync(), worker.ProcessDueAsync());

        Assert.Equal(Emails, sent.Sum());
        Assert.Equal(Emails, app.Outbox().Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.SentAt == null || e.Attempts != 1)));
    }
}
