using AngleSharp.Html.Dom;
using Folio.Data;
using Folio.Features.Mail;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Notifications;

/// <summary>The events notifications come from: review decisions over HTTP, the rest through the Notifier as their features call it.</summary>
public static class NotificationSteps
{
    public static async Task<Story> SubmittedStoryAsync(this FolioApp app, Folio.Features.Creators.FolioUser author, string title)
    {
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, author, title, StoryForms.Words(150), status: StoryStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.SubmitForReview(app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        return story;
    }

    public static async Task<HttpResponseMessage> DecideAsync(this SignedInClient moderator, Story story, bool approve)
    {
        var url = $"/moderation/stories/{story.Id}";
        return approve
            ? await moderator.Http.PostFormAsync($"{url}?handler=Approve", [], url)
            : await moderator.Http.PostFormAsync($"{url}?handler=SendBack", [new("Reasons", "BelowQualityStandards"), new("Note", "More about the river.")], url);
    }

    /// <summary>Runs a Notifier call the way a feature does: with the story loaded, then one SaveChanges.</summary>
    public static async Task NotifyAsync(this FolioApp app, int storyId, Func<Notifier, Story, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var story = await db.Stories.Include(s => s.Community).SingleAsync(s => s.Id == storyId);
        await action(scope.ServiceProvider.GetRequiredService<Notifier>(), story);
        await db.SaveChangesAsync();
    }

    public static Task NotifyAsync(this FolioApp app, int storyId, Action<Notifier, Story> action) =>
        app.NotifyAsync(storyId, (notifier, story) =>
        {
            action(notifier, story);
            return Task.CompletedTask;
        });

    public static string? Bell(this IHtmlDocument page) => page.QuerySelector(".account-nav a.notification-bell")?.GetAttribute("aria-label");

    public static List<string> Lines(this IHtmlDocument page) =>
        page.QuerySelectorAll(".notification .notification__text").Select(t => t.TextContent.Trim()).ToList();

    /// <summary>Stops the background sender, so a test sees what a request queued before anything is sent.</summary>
    public static async Task<MailQueueWorker> PauseMailAsync(this FolioApp app)
    {
        var worker = app.Services.GetRequiredService<MailQueueWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
        return worker;
    }

    public static string[] Outbox(this FolioApp app)
    {
        var folder = Path.Combine(app.DataDirectory, "outbox");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
    }

    /// <summary>The outbox once the background sender has written at least <paramref name="count"/> emails to it.</summary>
    public static Task<string[]> OutboxAsync(this FolioApp app, int count = 1) =>
        Eventually.ValueAsync(app.Outbox, files => files.Length >= count, TimeSpan.FromSeconds(30), $"{count} email(s) in the outbox");

    /// <summary>How many emails were queued, sent or not: what a request asked for, without waiting on the sender.</summary>
    public static Task<int> QueuedEmailCountAsync(this FolioApp app) => app.WithDbAsync(db => db.QueuedEmails.CountAsync());
}
