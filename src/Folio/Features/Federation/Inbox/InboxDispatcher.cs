using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// Applies an activity that passed the gate, once: its id is stored with its effects in one save, and the same id
/// again is a 409 that changes nothing. 409 rather than a silent 202 so a replay is visible in the sender's logs, while
/// a well-behaved sender still stops retrying (a 4xx is final). An activity whose save collides with what another one
/// saved a moment ago (a unique index) is handled once more, and answered as it would have been a moment later.
/// </summary>
public sealed class InboxDispatcher(FolioDb db, ActivityHandlers handlers, FederationQueue queue, TimeProvider clock, IOptions<InboxOptions> options)
{
    public async Task<IResult> DispatchAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (await db.ReceivedActivities.AnyAsync(a => a.ActivityId == delivery.ActivityId, cancellationToken))
        {
            return InboxProblems.Replayed(delivery.ActivityId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await handlers.HandleAsync(delivery, cancellationToken);
            if (outcome.Problem is { } problem)
            {
                return problem;
            }

            db.ReceivedActivities.Add(new ReceivedActivity { ActivityId = delivery.ActivityId, ActorHost = delivery.Actor.Host, ReceivedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return await AcceptAsync(outcome, now, cancellationToken);
            }
            catch (DbUpdateException) when (db.ReceivedActivities.AsNoTracking().Any(a => a.ActivityId == delivery.ActivityId))
            {
                // The same activity arrived twice at once and the other request saved first.
                return InboxProblems.Replayed(delivery.ActivityId);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another activity saved the same thing a moment ago (the same Note in two Creates, a Like sent twice
                // with two ids): handled again, this one meets what that one stored, as if it had arrived just after it.
                db.ChangeTracker.Clear();
                db.RemoteActors.Attach(delivery.Actor);
            }
        }
    }

    private async Task<IResult> AcceptAsync(InboxOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        if (outcome.AfterSave is { } afterSave)
        {
            await afterSave(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
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
}
