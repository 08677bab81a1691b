using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Remote;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// What an inbox does with an activity: nothing yet to say (accepted), or the problem to answer instead. AfterSave runs
/// once the changes are stored, for work that needs their ids (a notice pointing at a new comment); its changes are saved too.
/// </summary>
public sealed record InboxOutcome(IResult? Problem, bool Queued, Func<CancellationToken, Task>? AfterSave = null)
{
    public static readonly InboxOutcome Accepted = new(null, false);
}

/// <summary>
/// A remote actor following a local creator or community, and taking it back. A Follow stores the follower and queues
/// an Accept in the same save; a creator who turned federation off answers with a Reject instead; a Follow of an actor
/// that does not exist is a 404, since no Accept could come from it.
/// </summary>
public sealed class FollowActivities(FolioDb db, LocalActors locals, FederationUrls urls, FederationQueue queue, TimeProvider clock)
{
    public async Task<InboxOutcome> FollowAsync(InboxDelivery follow, CancellationToken cancellationToken)
    {
        var objectId = ActivityJson.Id(follow.Activity["object"]);
        if (await locals.FindAsync(objectId, cancellationToken) is not { } followed)
        {
            return new InboxOutcome(InboxProblems.NoSuchActor(objectId ?? "(no object)"), false);
        }

        if (followed.Off)
        {
            queue.Enqueue(followed.Kind, followed.OwnerId, Answer("reject", "Reject", followed, follow), [follow.Actor.Inbox]);
            return new InboxOutcome(null, true);
        }

        var follower = await db.RemoteFollowers.FirstOrDefaultAsync(
            f => f.Kind == followed.Kind && f.OwnerId == followed.OwnerId && f.RemoteActorId == follow.Actor.Id, cancellationToken);
        if (follower is null)
        {
            db.RemoteFollowers.Add(new RemoteFollower
            {
                Kind = followed.Kind, OwnerId = followed.OwnerId, RemoteActorId = follow.Actor.Id, FollowActivityId = follow.ActivityId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            // Following again (the first Accept was lost, say): the newest Follow is the one a later Undo names.
            follower.FollowActivityId = follow.ActivityId;
        }

        queue.Enqueue(followed.Kind, followed.OwnerId, Answer("accept", "Accept", followed, follow), [follow.Actor.Inbox]);
        return new InboxOutcome(null, true);
    }

    private JsonElement Answer(string kind, string type, LocalActor followed, InboxDelivery follow) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["@context"] = ActivityStreams.Context,
        ["id"] = urls.Activity(kind, Guid.NewGuid().ToString("N")),
        ["type"] = type,
        ["actor"] = followed.Id,
        ["object"] = follow.Activity.DeepClone(),
    });

    /// <summary>Undo of a Follow, named by its id or embedded; only the actor who followed can take it back.</summary>
    public async Task<InboxOutcome> UndoFollowAsync(InboxDelivery undo, CancellationToken cancellationToken)
    {
        var undone = undo.Activity["object"];
        var followId = ActivityJson.Id(undone);
        var mine = db.RemoteFollowers.Where(f => f.RemoteActorId == undo.Actor.Id);
        var follower = await mine.FirstOrDefaultAsync(f => f.FollowActivityId == followId, cancellationToken);
        if (follower is null && undone is JsonObject embedded && await locals.FindAsync(ActivityJson.Id(embedded["object"]), cancellationToken) is { } followed)
        {
            follower = await mine.FirstOrDefaultAsync(f => f.Kind == followed.Kind && f.OwnerId == followed.OwnerId, cancellationToken);
        }

        if (follower is not null)
        {
            db.RemoteFollowers.Remove(follower);
        }

        return InboxOutcome.Accepted;
    }
}
