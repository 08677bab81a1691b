using System.Net;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Mail;

public sealed class RefusedAddressTests
{
    [Fact]
    public async Task AnAddressRefusedThreeTimesGetsOnlyAccountEmailsUntilItsOwnerAsksToTryAgain()
    {
        await using var smtp = await SmtpServer.StartAsync(refusePrefix: SmtpServer.RefusedPrefix);
        using var app = new FolioApp(settings: smtp.FolioSettings);
        using var reader = await app.ClientForAsync(Persona.Reader);
        var address = SmtpServer.NewAddress(SmtpServer.RefusedPrefix);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Email, address).SetProperty(u => u.NormalizedEmail, address.ToUpperInvariant())));
        var recipient = new EmailRecipient(address, "Reader", reader.User!.Id);

        await app.QueueAsync(MailSteps.Content("Notice 1"), [recipient]);
        await app.QueueAsync(MailSteps.Content("Notice 2"), [recipient]);
        await app.QueueAsync(MailSteps.Content("Notice 3"), [recipient]);

        var refused = await AttemptedAsync(app, address, 3);
        // Given up at the first refusal: counted as having had every attempt, so no pass takes it again.
        var maxAttempts = app.Services.GetRequiredService<IOptions<MailQueueOptions>>().Value.MaxAttempts;
        Assert.All(refused, email => Assert.Equal((maxAttempts, null), (email.Attempts, email.SentAt)));
        Assert.All(refused, email => Assert.StartsWith("5", email.LastError));
        app.Clock.Now += TimeSpan.FromHours(1);
        await app.Services.GetRequiredService<MailQueueWorker>().ProcessDueAsync();
        Assert.Equal(
            refused.Select(e => (e.Id, e.Attempts, e.NextAttemptAt)).Order(),
            (await AttemptedAsync(app, address, 3)).Select(e => (e.Id, e.Attempts, e.NextAttemptAt)).Order());
        var stopped = await Eventually.ValueAsync(() => AccountAsync(app, reader), account => account.EmailFailures >= 3, SmtpServer.Timeout,
            "the three refusals counted against the account");
        Assert.Equal(3, stopped.EmailFailures);
        Assert.NotNull(stopped.EmailStoppedAt);
        Assert.StartsWith("5", stopped.LastEmailFailure);

        await app.QueueAsync(MailSteps.Content("Notice 4"), [recipient]);

        var skipped = (await AttemptedAsync(app, address, 4)).Single(e => e.Content.Subject == "Notice 4");
        Assert.StartsWith($"Not sent: Folio stopped emailing {address}", skipped.LastError);
        Assert.Equal(3, (await AccountAsync(app, reader)).EmailFailures);

        var settings = await reader.Http.GetHtmlAsync("/settings/account");
        var notice = settings.QuerySelector("#email-stopped");
        Assert.NotNull(notice);
        Assert.Contains(stopped.LastEmailFailure!, notice.QuerySelector("q")?.TextContent);
        Assert.NotNull(notice.QuerySelector("time[datetime]"));

        using var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/forgot-password", new() { ["Email"] = address })).StatusCode);
        var reset = (await AttemptedAsync(app, address, 5)).Single(e => e.Kind == EmailKind.Account);
        Assert.StartsWith("5", reset.LastError);
        await Eventually.ValueAsync(() => AccountAsync(app, reader), account => account.EmailFailures == 4, SmtpServer.Timeout,
            "the refused account email counted too");

        var retried = await reader.Http.PostFormAsync("/settings/account?handler=RetryEmail", new(), "/settings/account");

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await reader.Http.GetHtmlAsync("/settings/account");
        Assert.Null(after.QuerySelector("#email-stopped"));
        Assert.Contains($"We will email {address} again", after.QuerySelector(".notice--success")?.TextContent);
        var cleared = await AccountAsync(app, reader);
        Assert.Equal((0, null, null), (cleared.EmailFailures, cleared.LastEmailFailure, cleared.EmailStoppedAt));
    }

    [Fact]
    public async Task NoEmailIsQueuedForAStoppedAddressWhileTheNotificationStillAppears()
    {
        using var app = new FolioApp();
        await app.PauseMailAsync();
        using var author = await app.ClientForAsync(Persona.Reader);
        var story = await app.SubmittedStoryAsync(author.User!, "Unheard");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == author.User!.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailStoppedAt, app.Clock.UtcNow).SetProperty(u => u.EmailFailures, 3)));
        using var moderator = await app.ClientForAsync(Persona.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(story, approve: true)).StatusCode);

        Assert.Equal(0, await app.QueuedEmailCountAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == author.User!.Id)));
    }

    [Fact]
    public async Task ANewAddressLiftsTheStop()
    {
        using var app = new FolioApp();
        using var reader = await app.ClientForAsync(Persona.Reader);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.EmailStoppedAt, app.Clock.UtcNow).SetProperty(u => u.EmailFailures, 3).SetProperty(u => u.LastEmailFailure, "550 No such user")));

        await reader.Http.PostFormAsync("/settings/account?handler=Email", new()
        {
            ["EmailChange.NewEmail"] = "elsewhere@example.org",
            ["EmailChange.Password"] = Personas.Password,
        }, "/settings/account");
        var link = System.Text.RegularExpressions.Regex.Match(
            MimeKit.MimeMessage.Load(Assert.Single(await app.OutboxAsync())).TextBody ?? "", @"http://localhost/confirm-email\?\S+").Value;
        Assert.True((await AccountAsync(app, reader)).EmailStoppedAt is not null, "the stop stays until the new address is confirmed");
        await reader.Http.GetHtmlAsync(link.Replace("http://localhost", ""));

        var moved = await AccountAsync(app, reader);
        Assert.Equal(("elsewhere@example.org", 0, null, null), (moved.Email, moved.EmailFailures, moved.LastEmailFailure, moved.EmailStoppedAt));
    }

    /// <summary>The emails to <paramref name="address"/> once <paramref name="count"/> of them have had an attempt.</summary>
    private static Task<List<QueuedEmail>> AttemptedAsync(FolioApp app, string address, int count) =>
        Eventually.ValueAsync(
            () => app.WithDbAsync(db => db.QueuedEmails.AsNoTracking().Include(e => e.Content).Where(e => e.ToAddress == address).ToListAsync()),
            emails => emails.Count(e => e.SentAt != null || e.LastError != null) >= count, SmtpServer.Timeout, $"{count} attempted email(s) to {address}");

    private static Task<FolioUser> AccountAsync(FolioApp app, SignedInClient client) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == client.User!.Id));
}
