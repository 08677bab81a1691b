using Folio.Data;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

public enum CommentRefusal
{
    CommentsOff,
    InvalidBody,
    ParentGone,
    RateLimited,
}

/// <summary>The saved comment, or why it was refused and what to tell the writer.</summary>
/// <param name="RetryAfter">For <see cref="CommentRefusal.RateLimited"/>: how long until the writer may comment again.</param>
public sealed record CommentPostOutcome(Comment? Comment, CommentRefusal? Refusal = null, string? Message = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Posts a comment or a reply with the rules every way in shares (the comment box and the API): comments on,
/// a body of the allowed length, a parent that is shown on the same story, then the writer's rate limit, so only
/// comments that would be saved use it up. The story's author, and the parent's, are notified.
/// </summary>
public sealed class CommentPosting(FolioDb db, CommentRateLimiter limiter, Notifier notifier, TimeProvider clock)
{
    /// <summary>The story must be published and tracked by this request's FolioDb, with its Community: the notifier links to it.</summary>
    public async Task<CommentPostOutcome> PostAsync(Story story, string authorId, string? body, int? parentId, CancellationToken cancellationToken)
    {
        var text = CommentMessages.Normalise(body);
        if (await RefusalAsync(story, text, parentId, authorId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var comment = new Comment { StoryId = story.Id, AuthorId = authorId, ParentId = parentId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        comment.Write(text);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.CommentAddedAsync(comment, story, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(comment);
    }

    /// <summary>
    /// Why a comment of this normalised text may not be posted, or null when it may; only then is one taken from the
    /// writer's rate limit. <paramref name="writer"/> names whose limit: a reader's id, or a fediverse actor's key.
    /// </summary>
    public async Task<CommentPostOutcome?> RefusalAsync(Story story, string text, int? parentId, string writer, CancellationToken cancellationToken)
    {
        if (!story.CommentsEnabled)
        {
            return new(null, CommentRefusal.CommentsOff, CommentMessages.CommentsOff);
        }

        if (CommentMessages.Problem(text) is { } problem)
        {
            return new(null, CommentRefusal.InvalidBody, problem);
        }

        if (parentId is { } id && !await db.Comments.Shown().AnyAsync(c => c.Id == id && c.StoryId == story.Id, cancellationToken))
        {
            return new(null, CommentRefusal.ParentGone, CommentMessages.ParentGone);
        }

        if (await limiter.TryTakeAsync(writer, cancellationToken) is { Allowed: false } limited)
        {
            return new(null, CommentRefusal.RateLimited, CommentMessages.RateLimited, limited.RetryAfter);
        }

        return null;
    }
}
