using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Entering;

/// <summary>
/// Publishes the held entries of the challenges that have closed, each dated at its challenge's closing moment, through
/// the story workflow so they fire what every publish fires. Every node runs passes; a story is claimed before it is
/// released, so only one node releases it, and a claim left by a node that stopped half-way lapses after a while.
/// </summary>
public sealed class HeldEntryRelease(FolioDb db, StoryWorkflow workflow, TimeProvider clock)
{
    private const int Batch = 100;

    /// <summary>How long a claim keeps other nodes away: far longer than publishing one story takes.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>Releases what is due; returns how many stories were published.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var lapsed = now - ClaimLease;
            // Held stories are few, and the Status index finds them; only those whose challenge has closed are due.
            var due = await db.Stories
                .Where(s => s.Status == StoryStatus.Held && (s.SubmittedAt == null || s.SubmittedAt < lapsed))
                .Join(db.ChallengeEntries.Where(e => e.Challenge.ClosesAt <= now), s => s.Id, e => e.StoryId, (s, e) => new { StoryId = s.Id, e.Challenge.ClosesAt })
                .OrderBy(e => e.ClosesAt).ThenBy(e => e.StoryId)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in due)
            {
                if (await ClaimAsync(entry.StoryId, now, lapsed, cancellationToken)
                    && await db.Stories.ForWorkflow().FirstOrDefaultAsync(s => s.Id == entry.StoryId, cancellationToken) is { } story
                    && (await workflow.ReleaseAsync(story, entry.ClosesAt, cancellationToken)).Succeeded)
                {
                    released++;
                }

                db.ChangeTracker.Clear();
            }

            if (due.Count < Batch)
            {
                return released;
            }
        }
    }

    /// <summary>
    /// A held story is out of the review queue, so its SubmittedAt is free to mark the claim; publishing clears it.
    /// The conditional update lets one node win.
    /// </summary>
    private async Task<bool> ClaimAsync(int storyId, DateTime now, DateTime lapsed, CancellationToken cancellationToken) =>
        await db.Stories
            .Where(s => s.Id == storyId && s.Status == StoryStatus.Held && (s.SubmittedAt == null || s.SubmittedAt < lapsed))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SubmittedAt, now), cancellationToken) == 1;
}
