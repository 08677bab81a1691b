using System.Globalization;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>A judge's scores for one entry as typed, by criterion id, and their private note to the author.</summary>
public sealed record ScoreSheet(IReadOnlyDictionary<int, string?> Scores, string? Note);

/// <summary>
/// Records a judge's reading of an entry assigned to them: a whole score from <see cref="ChallengeScore.Lowest"/> to
/// <see cref="ChallengeScore.Highest"/> on every criterion, and a note only the author will read. A judge may change
/// their scores until the results are published.
/// </summary>
public sealed class EntryScoring(FolioDb db, TimeProvider clock)
{
    public const int NoteMaxLength = 4000;

    /// <summary>Saves the sheet; returns what to fix, by field ("Scores[12]", "Note"), or nothing when it was saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(
        ChallengeAssignment assignment, IReadOnlyList<ChallengeCriterion> criteria, ScoreSheet sheet, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        var scores = new Dictionary<int, int>();
        foreach (var criterion in criteria)
        {
            var typed = sheet.Scores.GetValueOrDefault(criterion.Id)?.Trim();
            if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= ChallengeScore.Lowest and <= ChallengeScore.Highest)
            {
                scores[criterion.Id] = score;
            }
            else
            {
                problems[$"Scores[{criterion.Id}]"] = string.IsNullOrEmpty(typed)
                    ? $"Give “{criterion.Name}” a score from {ChallengeScore.Lowest} to {ChallengeScore.Highest}."
                    : $"“{typed}” is not a score: give “{criterion.Name}” a whole number from {ChallengeScore.Lowest} to {ChallengeScore.Highest}.";
            }
        }

        var note = sheet.Note?.Trim();
        if (note?.Length > NoteMaxLength)
        {
            problems["Note"] = $"Keep the note to {NoteMaxLength:N0} characters; it has {note.Length:N0}.";
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var existing = await db.ChallengeScores
            .Where(s => s.EntryId == assignment.EntryId && s.JudgeId == assignment.JudgeId)
            .ToDictionaryAsync(s => s.CriterionId, cancellationToken);
        foreach (var (criterionId, score) in scores)
        {
            if (existing.TryGetValue(criterionId, out var row))
            {
                row.Score = score;
            }
            else
            {
                db.ChallengeScores.Add(new ChallengeScore { EntryId = assignment.EntryId, JudgeId = assignment.JudgeId, CriterionId = criterionId, Score = score });
            }
        }

        assignment.NoteToAuthor = string.IsNullOrEmpty(note) ? null : note;
        assignment.ScoredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }
}
