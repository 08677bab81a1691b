using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation;

/// <summary>
/// Queues an activity for delivery to remote inboxes, one row per distinct inbox, added to the caller's save so the
/// activity is queued with the change that caused it or not at all. The worker is woken after the caller saves.
/// </summary>
public sealed class FederationQueue(FolioDb db, FederationSignal signal, TimeProvider clock)
{
    public void Enqueue(ActorKind senderKind, string senderId, JsonElement activity, IEnumerable<string> inboxes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = activity.GetRawText();
        foreach (var inbox in inboxes.Distinct(StringComparer.Ordinal))
        {
            db.FederationDeliveries.Add(new FederationDelivery
            {
                SenderKind = senderKind, SenderId = senderId, Inbox = inbox, Activity = json, CreatedAt = now, NextAttemptAt = now,
            });
        }
    }

    /// <summary>
    /// Deletes deliveries finished (sent or given up) and queued more than <paramref name="keptFor"/> ago: one range of
    /// the (NextAttemptAt, CreatedAt) index, where finished rows sort first.
    /// </summary>
    public Task<int> ForgetFinishedAsync(TimeSpan keptFor, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - keptFor;
        return db.FederationDeliveries.Where(d => d.NextAttemptAt == null && d.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Call once the queued rows are saved, so a worker looks at once.</summary>
    public void Wake() => signal.Wake();
}
