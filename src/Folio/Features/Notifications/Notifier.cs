using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Mail;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Notifications;

/// <summary>
/// Turns what happened into notifications (and, where the person asked for it, queued emails).
/// Adds to the caller's unit of work: the caller's SaveChanges stores the event and its notices together.
/// Nobody is notified of their own actions. Comments must be saved before CommentAddedAsync, so the notice can
/// point at them; stories need their Community loaded, for the links in emails.
/// </summary>
public sealed class Notifier(FolioDb db, MailQueue mail, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock)
{
    public async Task CommentAddedAsync(Comment comment, Story story, CancellationToken cancellationToken = default)
    {
        Notify(story.AuthorId, NotificationKind.CommentOnStory, comment.AuthorId, story, comment);
        if (comment.ParentId is not { } parentId)
        {
            return;
        }

        var parent = await db.Comments.Include(c => c.Author).FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        if (parent is null || parent.AuthorId == comment.AuthorId)
        {
            return;
        }

        Notify(parent.AuthorId, NotificationKind.ReplyToComment, comment.AuthorId, story, comment);
        if (parent.Author.EmailOnReply && parent.Author.Email is { } address && parent.AuthorId != comment.AuthorId)
        {
            var replier = await db.Users.Where(u => u.Id == comment.AuthorId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            mail.Enqueue(new OutgoingEmail(address, parent.Author.DisplayName, $"{replier} replied to your comment on “{story.Title}”",
                $"""
                Hello {parent.Author.DisplayName},

                {replier} replied to your comment on “{story.Title}”:

                {comment.Body}

                Read the conversation: {urls.Absolute(StoryPath(story) + "#comment-" + comment.Id)}

                You can turn off these emails in your settings: {urls.Absolute("/settings/account")}
                """));
        }
    }

    public void InsightsGiven(Story story, string readerId) => Notify(story.AuthorId, NotificationKind.InsightOnStory, readerId, story);

    public void HeartGiven(Story story, string readerId) => Notify(story.AuthorId, NotificationKind.HeartOnStory, readerId, story);

    public async Task StoryPublishedAsync(Story story, CancellationToken cancellationToken = default)
    {
        var subscribers = await db.Subscriptions.Where(s => s.CreatorId == story.AuthorId).Select(s => s.SubscriberId).ToListAsync(cancellationToken);
        foreach (var subscriber in subscribers)
        {
            Notify(subscriber, NotificationKind.NewStoryFromCreator, story.AuthorId, story);
        }
    }

    public async Task ReviewDecidedAsync(Story story, StoryReview review, CancellationToken cancellationToken = default)
    {
        var approved = review.Decision == ReviewDecision.Approved;
        Notify(story.AuthorId, approved ? NotificationKind.StoryApproved : NotificationKind.StorySentBack, actorId: null, story);
        var author = await db.Users.FirstOrDefaultAsync(u => u.Id == story.AuthorId, cancellationToken);
        if (author is not { EmailOnReview: true, Email: { } address })
        {
            return;
        }

        var reasons = string.Join("\n", ReviewReasons.Decode(review.Reasons).Select(r => "- " + ReviewReasons.Describe(r)));
        var note = string.IsNullOrWhiteSpace(review.Note) ? "" : $"\nThe moderator’s note:\n\n{review.Note}\n";
        mail.Enqueue(approved
            ? new OutgoingEmail(address, author.DisplayName, $"“{story.Title}” is published",
                $"""
                Hello {author.DisplayName},

                Good news: a moderator approved “{story.Title}” and it is live on {site.Value.Name}:

                {urls.Absolute(StoryPath(story))}
                """)
            : new OutgoingEmail(address, author.DisplayName, $"“{story.Title}” needs another look",
                $"""
                Hello {author.DisplayName},

                A moderator read “{story.Title}” and sent it back to you because of:

                {reasons}
                {note}
                Fix it and submit it again here: {urls.Absolute($"/stories/{story.Id}/edit")}
                """));
    }

    private void Notify(string recipientId, NotificationKind kind, string? actorId, Story story, Comment? comment = null)
    {
        if (recipientId == actorId)
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            ActorId = actorId,
            Story = story,
            CommentId = comment?.Id is > 0 ? comment.Id : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    private static string StoryPath(Story story) => $"/{story.Community.Slug}/{story.Slug}";
}
