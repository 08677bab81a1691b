using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Federation.Remote;
using Folio.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// Replies from the fediverse: a Create of a Note that answers a story or a comment here becomes a comment by the
/// fediverse account naming its actor, under the rules a reader's comment meets (comments on, a body of the allowed
/// length, a shown parent, the same rate limit, kept per actor); its actor's Update edits it and Delete deletes it. Only the
/// actor a Note is attributed to may post, edit or delete it; anything that answers something else is accepted and ignored.
/// </summary>
public sealed class ReplyActivities(FolioDb db, RemoteNotes notes, CommentPosting posting, Notifier notifier, FediverseAccount fediverse, TimeProvider clock)
{
    public async Task<InboxOutcome> CreateAsync(InboxDelivery create, CancellationToken cancellationToken)
    {
        if (await notes.ReadAsync(create.Activity["object"], cancellationToken) is not { } note)
        {
            return InboxOutcome.Accepted;
        }

        if (!note.IsBy(create.Actor))
        {
            return new InboxOutcome(InboxProblems.NotTheAuthor(note.Id), false);
        }

        if (await db.Comments.AnyAsync(c => c.RemoteNoteId == note.Id, cancellationToken)
            || note.Body.Length == 0
            || await notes.TargetAsync(note.InReplyTo, cancellationToken) is not { } target)
        {
            return InboxOutcome.Accepted;
        }

        var refusal = await posting.RefusalAsync(target.Story, note.Body, target.ParentId, "remote:" + create.Actor.Id, cancellationToken);
        if (refusal is not null)
        {
            return new InboxOutcome(refusal.RetryAfter is { } retryAfter ? InboxProblems.TooManyReplies(retryAfter) : InboxProblems.ReplyRefused(refusal.Message!), false);
        }

        // Before the comment is added: making the account saves, and must not save the reply outside the dispatcher's save.
        var authorId = await fediverse.IdAsync();
        var comment = new Comment
        {
            StoryId = target.Story.Id, AuthorId = authorId, ParentId = target.ParentId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            RemoteActorId = create.Actor.Id, RemoteNoteId = note.Id, RemoteUrl = note.Url,
        };
        comment.Write(note.Body);
        db.Comments.Add(comment);
        return new InboxOutcome(null, false, token => notifier.CommentAddedAsync(comment, target.Story, token));
    }

    public async Task<InboxOutcome> UpdateAsync(InboxDelivery update, CancellationToken cancellationToken)
    {
        if (await notes.ReadAsync(update.Activity["object"], cancellationToken) is not { } note
            || !note.IsBy(update.Actor)
            || await ReplyAsync(note.Id, update.Actor, cancellationToken) is not { DeletedAt: null, RemovedAt: null } comment
            || note.Body.Length == 0)
        {
            return InboxOutcome.Accepted;
        }

        if (CommentMessages.Problem(note.Body) is { } problem)
        {
            return new InboxOutcome(InboxProblems.ReplyRefused(problem), false);
        }

        comment.Edit(note.Body, clock.GetUtcNow().UtcDateTime);
        return InboxOutcome.Accepted;
    }

    /// <summary>A Delete of a reply (named by id or as a Tombstone) by its actor; any other Delete changes nothing.</summary>
    public async Task<InboxOutcome> DeleteAsync(InboxDelivery delete, CancellationToken cancellationToken)
    {
        if (ActivityJson.Id(delete.Activity["object"]) is { } noteId && await ReplyAsync(noteId, delete.Actor, cancellationToken) is { } comment)
        {
            comment.Delete(clock.GetUtcNow().UtcDateTime);
        }

        return InboxOutcome.Accepted;
    }

    /// <summary>
    /// An actor that deleted itself leaves tombstones where its replies were, so threads under them keep their place, and
    /// they no longer name it: its row goes.
    /// </summary>
    public async Task DeleteAllByAsync(RemoteActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var comment in await db.Comments.Where(c => c.RemoteActorId == actor.Id).ToListAsync(cancellationToken))
        {
            comment.Delete(now);
            comment.RemoteActorId = null;
        }
    }

    private Task<Comment?> ReplyAsync(string noteId, RemoteActor actor, CancellationToken cancellationToken) =>
        db.Comments.FirstOrDefaultAsync(c => c.RemoteNoteId == noteId && c.RemoteActorId == actor.Id, cancellationToken);
}
