using Folio.Data;
using Folio.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

/// <summary>
/// Sends challenge.opened and challenge.closed for the challenges whose moment has passed unannounced, including one
/// created already open and one whose moment passed while no node ran. Every node runs it each minute: a conditional
/// update claims each announcement in the transaction that queues its deliveries, so one node sends it, once.
/// </summary>
public sealed class ChallengeAnnouncements(FolioDb db, WebhookOutbox outbox, TimeProvider clock)
{
    private const int Batch = 50;

    /// <summary>Returns how many announcements this node made.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Few are due at once; the batch bounds a site that was down for long, and the next pass takes the rest.
        var due = await db.Challenges.AsNoTracking()
            .Where(c => (c.OpenedAnnouncedAt == null && c.OpensAt <= now) || (c.ClosedAnnouncedAt == null && c.ClosesAt <= now))
            .OrderBy(c => c.OpensAt).Take(Batch).Include(c => c.Community)
            .ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var challenge in due)
        {
            if (challenge.OpenedAnnouncedAt is null
                && await outbox.AnnounceOnceAsync(db, new RaisedEvent(WebhookEvents.ChallengeOpened, challenge), ct => ClaimOpenedAsync(challenge.Id, now, ct), cancellationToken))
            {
                announced++;
            }

            if (challenge.ClosedAnnouncedAt is null && challenge.ClosesAt <= now
                && await outbox.AnnounceOnceAsync(db, new RaisedEvent(WebhookEvents.ChallengeClosed, challenge), ct => ClaimClosedAsync(challenge.Id, now, ct), cancellationToken))
            {
                announced++;
            }
        }

        return announced;
    }

    private async Task<bool> ClaimOpenedAsync(int id, DateTime now, CancellationToken cancellationToken) =>
        await db.Challenges.Where(c => c.Id == id && c.OpenedAnnouncedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.OpenedAnnouncedAt, now), cancellationToken) == 1;

    private async Task<bool> ClaimClosedAsync(int id, DateTime now, CancellationToken cancellationToken) =>
        await db.Challenges.Where(c => c.Id == id && c.ClosedAnnouncedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAnnouncedAt, now), cancellationToken) == 1;
}
