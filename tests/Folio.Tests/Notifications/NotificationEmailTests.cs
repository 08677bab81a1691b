using System.Net;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Folio.Tests.Notifications;

public sealed class NotificationEmailTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AReviewDecisionQueuesAnEmailThatTheWorkerSendsLater()
    {
        var worker = await _app.PauseMailAsync();
        using var author = await _app.ClientForAsync(Persona.Reader);
        var story = await _app.SubmittedStoryAsync(author.User!, "Queued Up");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var decided = await moderator.DecideAsync(story, approve: true);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var queued = await _app.WithDbAsync(db => db.QueuedEmails.Include(e => e.Content).SingleAsync());
        Assert.Equal(author.User!.Email, queued.ToAddress);
        Assert.Equal("“Queued Up” is published", queued.Content.Subject);
        Assert.Null(queued.SentAt);
        Assert.Empty(_app.Outbox());

        Assert.Same(worker, _app.Services.GetServices<IHostedService>().OfType<MailQueueWorker>().Single());
        Assert.Equal(1, await worker.ProcessDueAsync(CancellationToken.None));

        var message = await MimeMessage.LoadAsync(Assert.Single(_app.Outbox()));
        Assert.Equal("“Queued Up” is published", message.Subject);
        Assert.Equal(author.User.Email, message.To.Mailboxes.Single().Address);
        Assert.Contains("/queued-up", message.TextBody);
        Assert.NotNull(await _app.WithDbAsync(db => db.QueuedEmails.Select(e => e.SentAt).SingleAsync()));
        Assert.Equal(0, await worker.ProcessDueAsync(CancellationToken.None));
        Assert.Single(_app.Outbox());
    }

    [Fact]
    public async Task ASentBackEmailSaysWhyAndWhereToFixIt()
    {
        var worker = await _app.PauseMailAsync();
        using var author = await _app.ClientForAsync(Persona.Reader);
        var story = await _app.SubmittedStoryAsync(author.User!, "Try Again");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        await moderator.DecideAsync(story, approve: false);
        await worker.ProcessDueAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(_app.Outbox()));
        Assert.Equal("“Try Again” needs another look", message.Subject);
        Assert.Contains("More about the river.", message.TextBody);
        Assert.Contains($"/stories/{story.Id}/edit", message.TextBody);
    }

    [Fact]
    public async Task WithReviewEmailsOffTheNotificationStillArrivesButNoEmail()
    {
        await _app.PauseMailAsync();
        using var author = await _app.ClientForAsync(Persona.Reader);
        var settings = await author.Http.GetHtmlAsync("/settings/email");
        Assert.Equal("checked", settings.QuerySelector("input[name='Input.EmailOnReview']")?.GetAttribute("checked"));
        var saved = await author.Http.PostFormAsync("/settings/email",
            [new("Input.Delivery", "Immediately"), new("Input.EmailOnReply", "true"), new("Input.EmailOnReply", "false"), new("Input.EmailOnReview", "false")],
            "/settings/email");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var story = await _app.SubmittedStoryAsync(author.User!, "Quietly");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        await moderator.DecideAsync(story, approve: true);

        Assert.Equal(0, await _app.WithDbAsync(db => db.QueuedEmails.CountAsync()));
        Assert.Equal(["Your story “Quietly” was approved and is live"], (await author.Http.GetHtmlAsync("/notifications")).Lines());
    }

    [Fact]
    public async Task SettingsShowAndSaveBothEmailChoices()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var page = await reader.Http.GetHtmlAsync("/settings/email");
        var reply = page.QuerySelector("input[name='Input.EmailOnReply'][type=checkbox]")!;
        var review = page.QuerySelector("input[name='Input.EmailOnReview'][type=checkbox]")!;
        Assert.Equal("Email me when someone replies to my comment", page.QuerySelector($"label[for='{reply.Id}']")?.TextContent);
        Assert.Equal("Email me when a moderator approves, sends back or relabels my story", page.QuerySelector($"label[for='{review.Id}']")?.TextContent);
        Assert.True(reply.HasAttribute("checked") && review.HasAttribute("checked"));

        // An unticked box is not posted; the hidden "false" the form adds is.
        await reader.Http.PostFormAsync("/settings/email",
            [new("Input.Delivery", "Immediately"), new("Input.EmailOnReply", "false"), new("Input.EmailOnReview", "true"), new("Input.EmailOnReview", "false")],
            "/settings/email");

        var after = await reader.Http.GetHtmlAsync("/settings/email");
        Assert.False(after.QuerySelector("input[name='Input.EmailOnReply'][type=checkbox]")!.HasAttribute("checked"));
        Assert.True(after.QuerySelector("input[name='Input.EmailOnReview'][type=checkbox]")!.HasAttribute("checked"));
        Assert.Contains("Your email choices are saved.", after.QuerySelector(".notice--success")?.TextContent);
        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id).Select(u => new { u.EmailOnReply, u.EmailOnReview }).SingleAsync());
        Assert.Equal(new { EmailOnReply = false, EmailOnReview = true }, stored);
    }

    [Fact]
    public async Task ARepliedToReaderIsEmailedWithoutTheReplysWordsUnlessTheyOptedOut()
    {
        var worker = await _app.PauseMailAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), author, "Conversation");
        var keen = await _app.Data.PersonAsync(displayName: "Keen Reader");
        var quiet = await _app.Data.PersonAsync(displayName: "Quiet Reader");
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(quiet.Id))!.EmailOnReply = false;
            await db.SaveChangesAsync();
        });
        var ben = await _app.Data.PersonAsync(displayName: "Ben Li");
        foreach (var reader in new[] { keen, quiet })
        {
            var comment = await _app.Data.CommentAsync(story, reader, "A first thought");
            var reply = await _app.Data.CommentAsync(story, ben, "Private words of the reply", comment);
            await _app.NotifyAsync(story.Id, (notifier, s) => notifier.CommentAddedAsync(reply, s));
        }

        await worker.ProcessDueAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(_app.Outbox()));
        Assert.Equal(keen.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Ben Li replied to your comment on “Conversation”", message.Subject);
        Assert.DoesNotContain("Private words", message.TextBody);
        Assert.Contains("#comment-", message.TextBody);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Folio.Features.Notifications.NotificationKind.ReplyToComment)));
    }
}

public sealed class MailQueueRestartTests
{
    [Fact]
    public async Task AQueuedEmailSurvivesARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "folio-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var before = new FolioApp(dataDirectory: directory))
            {
                await before.PauseMailAsync();
                using var author = await before.ClientForAsync(Persona.Reader);
                var story = await before.SubmittedStoryAsync(author.User!, "Across a Restart");
                using var moderator = await before.ClientForAsync(Persona.Moderator);
                await moderator.DecideAsync(story, approve: true);
                Assert.Equal(1, await before.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.SentAt == null)));
                Assert.Empty(before.Outbox());
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var after = new FolioApp(dataDirectory: directory);

            // The new app's own worker starts at once; give it a moment.
            _ = after.Services;
            var outbox = await Eventually.ValueAsync(() => after.Outbox(), files => files.Length > 0,
                within: TimeSpan.FromSeconds(20), because: "the restarted app's worker to send the queued email");

            var message = await MimeMessage.LoadAsync(Assert.Single(outbox));
            Assert.Equal("“Across a Restart” is published", message.Subject);
            // The worker writes the message before it marks the queued email sent.
            await Eventually.TrueAsync(async () => await after.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.SentAt == null)) == 0,
                within: TimeSpan.FromSeconds(20), because: "the restarted app's worker to mark the queued email sent");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
