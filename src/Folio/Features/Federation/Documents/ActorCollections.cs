using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Documents;

/// <summary>A local actor's outbox, followers and following, for the actor that exists; 404 for one that doesn't.</summary>
public sealed class ActorCollections(FolioDb db, OutboxDocuments outboxes)
{
    public async Task<IResult> AnswerAsync(ActorKind kind, string ownerId, string collection, string? page, string? before, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(kind, ownerId, cancellationToken))
        {
            return DocumentEndpoints.NotFound(kind == ActorKind.Group ? "No community has this id." : "No creator has this id.");
        }

        var actor = outboxes.ActorId(kind, ownerId);
        switch (collection)
        {
            case "outbox" when page is null:
                return ActivityStreams.Json(await outboxes.CollectionAsync(kind, ownerId, cancellationToken));
            case "outbox":
                var after = before is null ? null : DocumentEndpoints.IdOf(before);
                if (before is not null && after is null)
                {
                    return DocumentEndpoints.NotFound("The page starts after a story that is not in this outbox.");
                }

                return DocumentEndpoints.Answer(await outboxes.PageAsync(kind, ownerId, after, cancellationToken),
                    "The page starts after a story that is not in this outbox.");
            case "followers":
                // How many, never who: a follower list tells strangers who reads whom.
                var followers = await db.RemoteFollowers.CountAsync(f => f.Kind == kind && f.OwnerId == ownerId, cancellationToken);
                var document = DocumentEndpoints.EmptyCollection(FederationUrls.Followers(actor));
                document.Remove("orderedItems");
                document["totalItems"] = followers;
                return ActivityStreams.Json(document);
            case "following":
                // Folio's actors follow no one on other servers.
                return ActivityStreams.Json(DocumentEndpoints.EmptyCollection(FederationUrls.Following(actor)));
            default:
                return DocumentEndpoints.NotFound($"An actor has an outbox, followers and following; not “{collection}”.");
        }
    }

    private async Task<bool> ExistsAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken) => kind == ActorKind.Group
        ? DocumentEndpoints.IdOf(ownerId) is { } id && await db.Communities.AnyAsync(c => c.Id == id, cancellationToken)
        : await db.Users.AnyAsync(u => u.Id == ownerId && !u.FederationOff, cancellationToken);
}
