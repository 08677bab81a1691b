using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Feedback;

/// <summary>One judge's reading of an entry as its author sees it: the judge (or "Judge 2" when judging was blind), a score per criterion, the weighted result and the note.</summary>
public sealed record JudgeFeedback(string Judge, IReadOnlyList<int?> Scores, double Weighted, string? Note);

/// <summary>An entrant's entry once the results are out: its place, its weighted score (the mean of its judges') and each judge's reading.</summary>
public sealed record EntryFeedback(int EntryId, string Title, string Path, ChallengePlacement? Placement, double? Score, IReadOnlyList<JudgeFeedback> Judges);

/// <summary>
/// What the judges said about one entrant's entries: only the readings that were completed, scored as
/// <see cref="Judging.Standings"/> scores them. Every query names the entrant's own entries, so nobody reads another's.
/// </summary>
public static class EntrantFeedback
{
    public static async Task<IReadOnlyList<EntryFeedback>> OfAsync(
        FolioDb db, Challenge challenge, IReadOnlyList<ChallengeCriterion> criteria, string entrantId, CancellationToken cancellationToken)
    {
        var entries = await db.ChallengeEntries.Where(e => e.ChallengeId == challenge.Id && e.AuthorId == entrantId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Story.Title, e.Story.Slug, CommunitySlug = e.Story.Community.Slug, e.Placement })
            .ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var readings = await db.ChallengeAssignments.Where(a => ids.Contains(a.EntryId) && a.ScoredAt != null).OrderBy(a => a.Id)
            .Select(a => new { a.EntryId, a.JudgeId, a.NoteToAuthor }).ToListAsync(cancellationToken);
        var scores = (await db.ChallengeScores.Where(s => ids.Contains(s.EntryId)).Select(s => new { s.EntryId, s.JudgeId, s.CriterionId, s.Score })
            .ToListAsync(cancellationToken)).ToDictionary(s => (s.EntryId, s.JudgeId, s.CriterionId), s => s.Score);
        var judgeIds = readings.Select(r => r.JudgeId).Distinct().ToList();
        var names = challenge.BlindJudging
            ? []
            : await db.Users.Where(u => judgeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        return [.. entries.Select(entry =>
        {
            var judges = readings.Where(r => r.EntryId == entry.Id).Select((reading, i) =>
            {
                var given = criteria.Select(c => scores.TryGetValue((entry.Id, reading.JudgeId, c.Id), out var score) ? score : (int?)null).ToList();
                var weighted = criteria.Zip(given).Sum(pair => pair.First.Weight * (pair.Second ?? 0)) / 100.0;
                return new JudgeFeedback(names.GetValueOrDefault(reading.JudgeId) ?? $"Judge {i + 1}", given, weighted, reading.NoteToAuthor);
            }).ToList();
            return new EntryFeedback(entry.Id, entry.Title, StoryLinks.Path(entry.CommunitySlug, entry.Slug), entry.Placement,
                judges.Count == 0 ? null : judges.Average(j => j.Weighted), judges);
        })];
    }
}
