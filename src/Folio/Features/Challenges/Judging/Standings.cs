using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>One entry's place in the judging: its weighted score (null until a judge scored it) and how many judges have.</summary>
public sealed record Standing(
    int EntryId, string Title, string StoryPath, string AuthorName, double? Score, int ScoredBy, int AssignedTo,
    ChallengePlacement? Placement, string? PlacementNote);

/// <summary>
/// The entries of a challenge by weighted score: each judge's score for an entry is the sum of their criterion scores
/// times the criteria's weights (which add up to 100), over 100, so it stays on the 1 to 10 scale; an entry's score is
/// the mean over the judges who scored it.
/// </summary>
public static class Standings
{
    public static async Task<IReadOnlyList<Standing>> OfAsync(FolioDb db, int challengeId, CancellationToken cancellationToken)
    {
        var weights = await db.Set<ChallengeCriterion>().Where(c => c.ChallengeId == challengeId)
            .ToDictionaryAsync(c => c.Id, c => c.Weight, cancellationToken);
        var entries = await JudgeAssignments.Judged(db, challengeId).Where(e => e.Assignments.Any())
            .Select(e => new
            {
                e.Id, e.Story.Title, e.Story.Slug, CommunitySlug = e.Story.Community.Slug, e.Author.DisplayName, e.Placement, e.PlacementNote,
                Assigned = e.Assignments.Count,
                Scored = e.Assignments.Where(a => a.ScoredAt != null).Select(a => a.JudgeId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var scores = await db.ChallengeScores.Where(s => db.ChallengeEntries.Any(e => e.Id == s.EntryId && e.ChallengeId == challengeId))
            .Select(s => new { s.EntryId, s.JudgeId, s.CriterionId, s.Score }).ToListAsync(cancellationToken);
        var byEntry = scores.ToLookup(s => s.EntryId);
        return entries
            .Select(e =>
            {
                var perJudge = byEntry[e.Id].Where(s => e.Scored.Contains(s.JudgeId)).GroupBy(s => s.JudgeId)
                    .Select(judge => judge.Sum(s => weights.GetValueOrDefault(s.CriterionId) * s.Score) / 100.0).ToList();
                return new Standing(e.Id, e.Title, StoryLinks.Path(e.CommunitySlug, e.Slug), e.DisplayName,
                    perJudge.Count == 0 ? null : perJudge.Average(), perJudge.Count, e.Assigned, e.Placement, e.PlacementNote);
            })
            .OrderByDescending(s => s.Score ?? -1).ThenBy(s => s.EntryId)
            .ToList();
    }
}
