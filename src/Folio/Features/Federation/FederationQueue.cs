using System.Text.Json;
using Folio.Data;

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

    /// <summary>Call once the queued rows are saved, so a worker looks at once.</summary>
    public void Wake() => signal.Wake();
}
