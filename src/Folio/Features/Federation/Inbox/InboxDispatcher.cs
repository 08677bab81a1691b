using Folio.Data;
using Folio.Features.Federation.Remote;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// Applies an activity that passed the gate, once: its id is stored with its effects in one save, and the same id
/// again is a 409 that changes nothing. 409 rather than a silent 202 so a replay is visible in the sender's logs, while
/// a well-behaved sender still stops retrying (a 4xx is final). Unknown activity types are accepted and ignored.
/// </summary>
public sealed class InboxDispatcher(FolioDb db, FollowActivities follows, FederationQueue queue, TimeProvider clock, IOptions<InboxOptions> options)
{
    public async Task<IResult> DispatchAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (await db.ReceivedActivities.AnyAsync(a => a.ActivityId == delivery.ActivityId, cancellationToken))
        {
            return InboxProblems.Replayed(delivery.ActivityId);
        }

        var outcome = delivery.Type switch
        {
            "Follow" => await follows.FollowAsync(delivery, cancellationToken),
            "Undo" when IsUndoOfFollow(delivery) => await follows.UndoFollowAsync(delivery, cancellationToken),
            _ => InboxOutcome.Accepted,
        };
        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ReceivedActivities.Add(new ReceivedActivity { ActivityId = delivery.ActivityId, ActorHost = delivery.Actor.Host, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.ReceivedActivities.AsNoTracking().Any(a => a.ActivityId == delivery.ActivityId))
        {
            // The same activity arrived twice at once and the other request saved first.
            return InboxProblems.Replayed(delivery.ActivityId);
        }

        if (outcome.Queued)
        {
            queue.Wake();
        }

        // Indexed by time, so forgetting old ids costs one small range delete per accepted activity.
        var forgetBefore = now - options.Value.ReceivedActivitiesKeptFor;
        await db.ReceivedActivities.Where(a => a.ReceivedAt < forgetBefore).ExecuteDeleteAsync(cancellationToken);
        return Results.Accepted();
    }

    /// <summary>An Undo whose object is a Follow, or only names one by id (Folio stores no other kind to undo yet).</summary>
    private static bool IsUndoOfFollow(InboxDelivery undo) =>
        undo.Activity["object"] is not System.Text.Json.Nodes.JsonObject embedded || ActivityJson.Types(embedded["type"]).Contains("Follow");
}
