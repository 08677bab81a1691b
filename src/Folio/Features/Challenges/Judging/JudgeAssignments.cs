using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>
/// Shares a closed challenge's entries out among its judges, so every entry is read by as many judges as the challenge
/// asks (or by every judge, when it has fewer), never by its own author, and each judge gets about as many as the next.
/// Runs at every minute pass (<see cref="ChallengePhaseWorker"/>); it only adds what is missing, so an entry approved
/// after the close is shared out too, and running it twice changes nothing.
/// </summary>
public sealed class JudgeAssignments(FolioDb db, TimeProvider clock)
{
    /// <summary>Entries that are read: published ones, and held ones the minute pass is about to publish.</summary>
    public static IQueryable<ChallengeEntry> Judged(FolioDb db, int challengeId) =>
        db.ChallengeEntries.Where(e => e.ChallengeId == challengeId
            && (e.Story.Status == StoryStatus.Published || e.Story.Status == StoryStatus.Held));

    /// <summary>Shares out what every challenge being judged lacks; returns how many readings were added.</summary>
    public async Task<int> AssignDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var judging = await db.Challenges.Where(c => c.ClosesAt <= now && c.ResultsPublishedAt == null)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var id in judging)
        {
            added += await AssignAsync(id, cancellationToken);
        }

        return added;
    }

    public async Task<int> AssignAsync(int challengeId, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().Where(c => c.Id == challengeId)
            .Select(c => new { c.JudgesPerEntry, c.ClosesAt, c.ResultsPublishedAt, Judges = c.Judges.OrderBy(j => j.UserId).Select(j => j.UserId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (challenge is null || challenge.ResultsPublishedAt is not null || challenge.ClosesAt > clock.GetUtcNow().UtcDateTime || challenge.Judges.Count == 0)
        {
            return 0;
        }

        // A judge taken off the challenge leaves what they scored; what they had not is shared out again below.
        var judges = challenge.Judges;
        await db.ChallengeAssignments
            .Where(a => a.Entry.ChallengeId == challengeId && a.ScoredAt == null && !judges.Contains(a.JudgeId))
            .ExecuteDeleteAsync(cancellationToken);
        var entries = await Judged(db, challengeId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.AuthorId, Judges = e.Assignments.Select(a => a.JudgeId).ToList() })
            .ToListAsync(cancellationToken);
        var load = challenge.Judges.ToDictionary(j => j, j => entries.Count(e => e.Judges.Contains(j)));
        var added = new List<ChallengeAssignment>();
        foreach (var entry in entries)
        {
            var eligible = challenge.Judges.Where(j => j != entry.AuthorId).ToList();
            var wanted = Math.Min(challenge.JudgesPerEntry, eligible.Count) - entry.Judges.Count;
            foreach (var judge in eligible.Where(j => !entry.Judges.Contains(j)).OrderBy(j => load[j]).ThenBy(j => j, StringComparer.Ordinal).Take(Math.Max(0, wanted)))
            {
                added.Add(new ChallengeAssignment { EntryId = entry.Id, JudgeId = judge });
                load[judge]++;
            }
        }

        if (added.Count == 0)
        {
            return 0;
        }

        db.ChallengeAssignments.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return added.Count;
        }
        catch (DbUpdateException)
        {
            // Another node shared the same entries out at the same moment; its readings stand, and the next run fills any gap.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
