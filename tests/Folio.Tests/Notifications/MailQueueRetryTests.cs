using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Notifications;

public sealed class MailQueueRetryTests
{
    /// <summary>Nothing listens on port 1, so every send fails at once.</summary>
    private static readonly Dictionary<string, string?> RefusingSmtp = new()
    {
        ["Folio:Smtp:Host"] = "127.0.0.1",
        ["Folio:Smtp:Port"] = "1",
        ["Folio:Mail:MaxAttempts"] = "2",
    };

    [Fact]
    public async Task AFailedSendIsRetriedAfterAPauseAndGivenUpAfterMaxAttempts()
    {
        using var app = new FolioApp(settings: RefusingSmtp);
        var worker = await app.PauseMailAsync();
        await app.WithDbAsync(async db =>
        {
            db.QueuedEmails.Add(new QueuedEmail { ToAddress = "reader@example.com", Content = new EmailContent { Subject = "Hello", Text = "Hi." }, CreatedAt = app.Clock.UtcNow, NextAttemptAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await worker.ProcessDueAsync());
        var failed = await app.WithDbAsync(db => db.QueuedEmails.AsNoTracking().SingleAsync());
        Assert.Equal((1, app.Clock.UtcNow.AddMinutes(2)), (failed.Attempts, failed.NextAttemptAt));
        Assert.NotNull(failed.LastError);

        await worker.ProcessDueAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.QueuedEmails.Select(e => e.Attempts).SingleAsync()));

        app.Clock.Now += TimeSpan.FromMinutes(2);
        await worker.ProcessDueAsync();
        app.Clock.Now += TimeSpan.FromDays(1);
        await worker.ProcessDueAsync();

        var givenUp = await app.WithDbAsync(db => db.QueuedEmails.AsNoTracking().SingleAsync());
        Assert.Equal((2, null), (givenUp.Attempts, givenUp.SentAt));
        Assert.Empty(app.Outbox());
    }

    [Fact]
    public async Task AnEmailSentAgainAfterANodeDiedBeforeRecordingTheSendKeepsItsMessageId()
    {
        using var app = new FolioApp();
        var worker = await app.PauseMailAsync();
        await app.WithDbAsync(async db =>
        {
            db.QueuedEmails.Add(new QueuedEmail { ToAddress = "reader@example.com", Content = new EmailContent { Subject = "Hello", Text = "Hi." }, CreatedAt = app.Clock.UtcNow, NextAttemptAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await worker.ProcessDueAsync());

        // What a node killed between the send and recording it leaves behind, once its claim has expired.
        await app.WithDbAsync(db => db.QueuedEmails.ExecuteUpdateAsync(set => set.SetProperty(e => e.SentAt, (DateTime?)null)));
        app.Clock.Now += TimeSpan.FromMinutes(10);
        Assert.Equal(1, await worker.ProcessDueAsync());

        var sent = await Task.WhenAll(app.Outbox().Select(file => MimeKit.MimeMessage.LoadAsync(file)));
        Assert.Equal(2, sent.Length);
        Assert.Single(sent.Select(message => message.MessageId).Distinct());
        Assert.EndsWith("@localhost", sent[0].MessageId);
    }

    [Theory]
    [InlineData("BatchSize", "0", "Folio:Mail:BatchSize must be between 1 and 1000")]
    [InlineData("Connections", "0", "Folio:Mail:Connections must be between 1 and 16")]
    [InlineData("Connections", "17", "Folio:Mail:Connections must be between 1 and 16")]
    [InlineData("MaxPerMinute", "-1", "Folio:Mail:MaxPerMinute must be between 0 (no limit) and 1000000")]
    public void BadMailQueueSettingsStopTheAppAtStart(string setting, string value, string problem)
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Mail:" + setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(problem, error.Message);
    }
}
