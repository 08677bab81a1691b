using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Remote;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// Which handler an activity goes to, by its type (and for an Undo, the type of what it undoes). Every handler only
/// adds its changes to the save; types Folio does not handle yet are accepted and ignored, as the fediverse expects.
/// </summary>
public sealed class ActivityHandlers(FolioDb db, FollowActivities follows, ReactionActivities reactions, ReplyActivities replies, FlagActivities flags)
{
    public async Task<InboxOutcome> HandleAsync(InboxDelivery delivery, CancellationToken cancellationToken) => delivery.Type switch
    {
        "Follow" => await follows.FollowAsync(delivery, cancellationToken),
        "Like" => await reactions.ReactAsync(delivery, RemoteReactionType.Like, cancellationToken),
        "Announce" => await reactions.ReactAsync(delivery, RemoteReactionType.Announce, cancellationToken),
        "Undo" => await UndoAsync(delivery, cancellationToken),
        "Create" => await replies.CreateAsync(delivery, cancellationToken),
        "Update" => await replies.UpdateAsync(delivery, cancellationToken),
        "Delete" => await DeleteAsync(delivery, cancellationToken),
        "Flag" => await flags.FlagAsync(delivery, cancellationToken),
        _ => InboxOutcome.Accepted,
    };

    private async Task<InboxOutcome> UndoAsync(InboxDelivery undo, CancellationToken cancellationToken)
    {
        // An Undo names what it undoes by id alone or embeds it; by id alone, only the actor's own activity of that id matches.
        var types = undo.Activity["object"] is JsonObject embedded ? ActivityJson.Types(embedded["type"]) : ["Follow", "Like", "Announce"];
        if (types.Contains("Follow"))
        {
            await follows.UndoFollowAsync(undo, cancellationToken);
        }

        if (types.Contains("Like"))
        {
            await reactions.UndoAsync(undo, RemoteReactionType.Like, cancellationToken);
        }

        if (types.Contains("Announce"))
        {
            await reactions.UndoAsync(undo, RemoteReactionType.Announce, cancellationToken);
        }

        return InboxOutcome.Accepted;
    }

    /// <summary>An actor deleting itself is forgotten with its follows and reactions, its replies left as tombstones; or a reply deleted.</summary>
    private async Task<InboxOutcome> DeleteAsync(InboxDelivery delete, CancellationToken cancellationToken)
    {
        if (ActivityJson.Id(delete.Activity["object"]) != delete.Actor.Uri)
        {
            return await replies.DeleteAsync(delete, cancellationToken);
        }

        await replies.DeleteAllByAsync(delete.Actor, cancellationToken);
        db.RemoteActors.Remove(delete.Actor);
        return InboxOutcome.Accepted;
    }
}
