using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>One place the lead judge fills: which entry (none yet when null) and, in public, why it placed.</summary>
public sealed class PlacementPick
{
    public ChallengePlacement Place { get; set; }
    public int? EntryId { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The lead judge's results: a winner, then second and third if chosen, then up to the challenge's number of
/// runners-up, each with a public note on why. They can be published once every entry has been scored by every judge
/// it was given to, so no entry goes unread; from then on the challenge is over.
/// </summary>
public sealed class ChallengeResults(FolioDb db, AuditLog audit, ResultsAnnouncement announcement, TimeProvider clock)
{
    public const int NoteMaxLength = 1000;

    /// <summary>The places on offer: winner, second, third, then one per runner-up.</summary>
    public static IReadOnlyList<ChallengePlacement> Places(Challenge challenge) =>
        [ChallengePlacement.Winner, ChallengePlacement.Second, ChallengePlacement.Third, .. Enumerable.Repeat(ChallengePlacement.RunnerUp, challenge.RunnersUp)];

    public static string Label(ChallengePlacement place) => place switch
    {
        ChallengePlacement.Winner => "Winner",
        ChallengePlacement.Second => "Second place",
        ChallengePlacement.Third => "Third place",
        _ => "Runner-up",
    };

    /// <summary>Publishes the picks; returns what to fix by field ("Picks[0].EntryId", "" for the form), or nothing when published.</summary>
    public async Task<Dictionary<string, string>> PublishAsync(
        JudgedChallenge judged, IReadOnlyList<PlacementPick> picks, IReadOnlyCollection<int> judgedEntries, JudgingProgress progress,
        CancellationToken cancellationToken)
    {
        var challenge = judged.Challenge;
        var problems = new Dictionary<string, string>();
        if (!progress.Complete)
        {
            problems[""] = progress.Entries == 0
                ? "There are no scored entries to pick from yet."
                : $"Every entry needs its scores first: {progress.Text}.";
        }

        var places = Places(challenge);
        var seen = new HashSet<int>();
        for (var i = 0; i < picks.Count && i < places.Count; i++)
        {
            var pick = picks[i];
            var label = Label(places[i]);
            if (pick.EntryId is not { } entryId)
            {
                if (i == 0)
                {
                    problems[$"Picks[{i}].EntryId"] = "Pick the winning entry.";
                }
                else if (!string.IsNullOrWhiteSpace(pick.Note))
                {
                    problems[$"Picks[{i}].EntryId"] = $"Pick the entry this note is for, or clear the note ({label}).";
                }

                continue;
            }

            if (!judgedEntries.Contains(entryId))
            {
                problems[$"Picks[{i}].EntryId"] = $"That entry is not one of this challenge’s judged entries ({label}).";
            }
            else if (!seen.Add(entryId))
            {
                problems[$"Picks[{i}].EntryId"] = $"That entry already has a place above; each entry places once ({label}).";
            }

            var note = pick.Note?.Trim() ?? "";
            if (note.Length == 0)
            {
                problems[$"Picks[{i}].Note"] = $"Say in a sentence or two why it placed ({label}); entrants and readers see it.";
            }
            else if (note.Length > NoteMaxLength)
            {
                problems[$"Picks[{i}].Note"] = $"Keep the note to {NoteMaxLength:N0} characters; it has {note.Length:N0} ({label}).";
            }
        }

        if (picks.Count == 0)
        {
            problems["Picks[0].EntryId"] = "Pick the winning entry.";
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var chosen = picks.Take(places.Count).Select((pick, i) => (pick, place: places[i])).Where(p => p.pick.EntryId is not null)
            .ToDictionary(p => p.pick.EntryId!.Value, p => (p.place, note: p.pick.Note!.Trim()));
        var entries = await db.ChallengeEntries.Where(e => e.ChallengeId == challenge.Id && (chosen.Keys.Contains(e.Id) || e.Placement != null))
            .Include(e => e.Story).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            var placed = chosen.TryGetValue(entry.Id, out var pick);
            entry.Placement = placed ? pick.place : null;
            entry.PlacementNote = placed ? pick.note : null;
        }

        challenge.ResultsPublishedAt = clock.GetUtcNow().UtcDateTime;
        var winners = entries.Where(e => e.Placement is not null).OrderBy(e => e.Placement)
            .Select(e => $"{Label(e.Placement!.Value)}: {e.Story.Title}").ToList();
        await audit.RecordAsync(AuditActions.ChallengeResults, "challenge", challenge.Id.ToString(),
            $"Published the results of {challenge.Title} (/challenges/{challenge.Slug})", null, new Dictionary<string, object?> { ["results"] = winners }, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await announcement.TellEntrantsAsync(challenge, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        announcement.WakeMailSender();
        return problems;
    }
}
