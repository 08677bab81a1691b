using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>"124 of 310 entries scored": an entry counts once every judge it was given to has scored it.</summary>
public sealed record JudgingProgress(int Scored, int Entries)
{
    public bool Complete => Entries > 0 && Scored == Entries;

    public string Text => $"{Scored:N0} of {Entries:N0} {(Entries == 1 ? "entry" : "entries")} scored";

    public static async Task<JudgingProgress> OfAsync(FolioDb db, int challengeId, CancellationToken cancellationToken)
    {
        var entries = JudgeAssignments.Judged(db, challengeId).Where(e => e.Assignments.Any());
        return new JudgingProgress(
            await entries.CountAsync(e => e.Assignments.All(a => a.ScoredAt != null), cancellationToken),
            await entries.CountAsync(cancellationToken));
    }
}
