using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Federation.Remote;
using Folio.Features.Mail;
using Folio.Features.Moderation;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Notifications;

/// <summary>
/// Turns what happened into notifications (and, where the person asked for it, queued emails).
/// Adds to the caller's unit of work: the caller's SaveChanges stores the event and its notices together.
/// Nobody is notified of their own actions. Comments must be saved before CommentAddedAsync, so the notice can
/// point at them; stories need their Community loaded, for the links in emails.
/// Neither notices nor emails quote a comment: a moderator may remove it after they are sent.
/// </summary>
public sealed partial class Notifier(FolioDb db, MailQueue mail, SiteUrls urls, CurrentSite site, TimeProvider clock)
{
    public async Task CommentAddedAsync(Comment comment, Story story, CancellationToken cancellationToken = default)
    {
        var parent = comment.ParentId is { } parentId
            ? await db.Comments.Include(c => c.Author).FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken)
            : null;

        // A reply to the author's own comment is one event for them: "replied to your comment", not two notices.
        if (parent?.AuthorId != story.AuthorId)
        {
            Notify(story.AuthorId, NotificationKind.CommentOnStory, comment.AuthorId, story, comment);
        }

        if (parent is null || parent.AuthorId == comment.AuthorId)
        {
            return;
        }

        Notify(parent.AuthorId, NotificationKind.ReplyToComment, comment.AuthorId, story, comment);
        if (parent.Author.EmailOnReply && Address(parent.Author) is { } address)
        {
            var replier = await db.RemoteActors.FirstOrDefaultAsync(a => a.Id == comment.RemoteActorId, cancellationToken) is { } remote
                ? $"{remote.DisplayName} ({remote.Handle})"
                : await db.Users.Where(u => u.Id == comment.AuthorId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            mail.Enqueue(new OutgoingEmail(address, parent.Author.DisplayName, $"{replier} replied to your comment on “{story.Title}”",
                $"""
                Hello {parent.Author.DisplayName},

                {replier} replied to your comment on “{story.Title}”. Read the conversation:

                {urls.Absolute(StoryLinks.Path(story) + "#comment-" + comment.Id)}

                You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
                """) { RecipientId = parent.AuthorId });
        }
    }

    public void InsightsGiven(Story story, string readerId) => Notify(story.AuthorId, NotificationKind.InsightOnStory, readerId, story);

    public void HeartGiven(Story story, string readerId) => Notify(story.AuthorId, NotificationKind.HeartOnStory, readerId, story);

    public async Task ReviewDecidedAsync(Story story, StoryReview review, CancellationToken cancellationToken = default)
    {
        var approved = review.Decision == ReviewDecision.Approved;
        var kind = (approved, review.OnRevision) switch
        {
            (true, false) => NotificationKind.StoryApproved,
            (false, false) => NotificationKind.StorySentBack,
            (true, true) => NotificationKind.ChangesApproved,
            (false, true) => NotificationKind.ChangesSentBack,
        };
        Notify(story.AuthorId, kind, actorId: null, story);
        var author = await db.Users.FirstOrDefaultAsync(u => u.Id == story.AuthorId, cancellationToken);
        if (author is not { EmailOnReview: true } || Address(author) is not { } address)
        {
            return;
        }

        // The title the author gave; for approved changes it is the story's title now.
        var title = review.Title ?? story.Title;
        var reasons = string.Join("\n", ReviewReasons.Decode(review.Reasons).Select(r => "- " + ReviewReasons.Describe(r)));
        var note = string.IsNullOrWhiteSpace(review.Note) ? "" : $"\nThe moderator’s note:\n\n{review.Note}\n";
        var siteName = (await site.GetAsync(cancellationToken)).Name;
        var (subject, news) = kind switch
        {
            NotificationKind.StoryApproved => ($"“{title}” is published", $"Good news: a moderator approved “{title}” and it is live on {siteName}:"),
            NotificationKind.ChangesApproved => ($"Your changes to “{title}” are live", $"Good news: a moderator approved your changes to “{title}” and readers on {siteName} see them now:"),
            NotificationKind.StorySentBack => ($"“{title}” needs another look", $"A moderator read “{title}” and sent it back to you because of:"),
            _ => ($"Your changes to “{title}” need another look", $"A moderator read your changes to “{title}” and sent them back because of (readers still see the published version):"),
        };
        mail.Enqueue(new OutgoingEmail(address, author.DisplayName, subject, approved
            ? $"""
                Hello {author.DisplayName},

                {news}

                {urls.Absolute(StoryLinks.Path(story))}

                You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
                """
            : $"""
                Hello {author.DisplayName},

                {news}

                {reasons}
                {note}
                Fix it and submit it again here: {urls.Absolute($"/stories/{story.Id}/edit")}

                You can turn off these emails in your settings: {urls.Absolute("/settings/email")}
                """) { RecipientId = author.Id });
    }

    private void Notify(string recipientId, NotificationKind kind, string? actorId, Story story, Comment? comment = null)
    {
        // The fediverse account stands in for remote authors; nobody reads its notices.
        if (recipientId == actorId || recipientId == FediverseAccount.Id)
        {
            return;
        }

        var notification = new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            ActorId = actorId,
            CommentId = comment?.Id is > 0 ? comment.Id : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // By id when the story is stored already: attaching a story loaded elsewhere would make EF insert it again.
        if (story.Id > 0)
        {
            notification.StoryId = story.Id;
        }
        else
        {
            notification.Story = story;
        }

        db.Notifications.Add(notification);
    }

    // .invalid never delivers (RFC 2606): the former-member account has such an address.
    internal static string? Address(FolioUser user) =>
        string.IsNullOrWhiteSpace(user.Email) || user.Email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) || EmailStops.IsStopped(user)
            ? null
            : user.Email;
}
