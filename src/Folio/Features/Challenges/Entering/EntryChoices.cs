using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Entering;

/// <summary>A challenge the editor offers, with the rules it shows beside the form and its live check uses.</summary>
public sealed record ChallengeChoice(
    string Slug, string Title, int? MinWords, int? MaxWords, IReadOnlyList<string> RequiredTags, string WordRange, DateTime ClosesAt, string ClosesAtText, bool Open);

/// <summary>What the editor's "Enter this challenge" field offers: the open challenges this author may enter, and the story's own.</summary>
public sealed record EntryChoices(IReadOnlyList<ChallengeChoice> Challenges, ChallengeEntry? Current, string? HeldNotice)
{
    /// <summary>Enough for any site: challenges run for weeks, and few are open at once.</summary>
    public const int MostOffered = 30;

    public static readonly EntryChoices None = new([], null, null);

    public bool CanWithdraw(DateTime now) => Current is not null && Current.Challenge.PhaseAt(now) == ChallengePhase.Open;

    public static async Task<EntryChoices> LoadAsync(FolioDb db, ChallengeEntering entering, ClaimsPrincipal user, Story? story, string? chosen, DateTime now, CancellationToken cancellationToken)
    {
        var current = story is { Id: > 0 } ? await entering.CurrentEntryAsync(story, cancellationToken) : null;
        var currentId = current?.ChallengeId ?? 0;
        // A choice the form came back with is shown as chosen, with its rules, even when it can't be entered now.
        chosen = chosen?.Trim() ?? "";
        var open = await db.Challenges.AsNoTracking()
            .Where(c => (c.OpensAt <= now && c.ClosesAt > now && c.ResultsPublishedAt == null) || c.Id == currentId || c.Slug == chosen)
            .OrderBy(c => c.ClosesAt).Take(MostOffered)
            .ToListAsync(cancellationToken);
        var zone = await ChallengeTimes.ReaderZoneAsync(db, user, cancellationToken);
        var choices = open
            .Where(c => c.Id == currentId || c.Slug == chosen || c.EntrantRole is null || user.IsInRole(c.EntrantRole))
            .Select(c => new ChallengeChoice(c.Slug, c.Title, c.MinWords, c.MaxWords, c.RequiredTags, EntryRules.WordRange(c), c.ClosesAt,
                ChallengeTimes.Format(c.ClosesAt, zone), c.PhaseAt(now) == ChallengePhase.Open))
            .ToList();
        var held = story?.Status == StoryStatus.Held && current is not null ? ChallengeMessages.Held(current.Challenge, zone) : null;
        return new EntryChoices(choices, current, held);
    }
}
