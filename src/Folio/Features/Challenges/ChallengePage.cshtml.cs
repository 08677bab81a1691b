using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Caching;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

public sealed record JudgeView(string UserName, string DisplayName, bool IsLead);

/// <summary>A placed entry on the published results, with the lead judge's public note.</summary>
public sealed record PlacedEntry(ChallengePlacement Placement, string Title, string Path, string AuthorName, string AuthorUserName, string? Note);

/// <summary>The public numbers of a judged challenge: entries read, judges, and readings per judge on average.</summary>
public sealed record JudgingStatistics(int Entries, int Judges, double EntriesPerJudge);

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class ChallengePageModel(FolioDb db, PageHead head, CurrentReadingChoices readers, TimeProvider clock) : PageModel
{
    public const int EntriesPageSize = 12;

    public new Challenge Challenge { get; private set; } = null!;
    public ChallengePhase Phase { get; private set; }
    public DateTime Now { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<JudgeView> Judges { get; private set; } = [];
    public int EntryCount { get; private set; }
    public bool ViewerJudges { get; private set; }
    public bool ViewerEntered { get; private set; }
    public IReadOnlyList<PlacedEntry> Results { get; private set; } = [];
    public JudgingStatistics? Statistics { get; private set; }

    /// <summary>Null while the entries are kept unseen (open, unless the challenge shows them before closing).</summary>
    public PagedList<StoryCard>? Entries { get; private set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        HttpContext.TagCachedPage(PageCacheTags.Challenges);
        var lower = slug.ToLowerInvariant();
        var found = await db.Challenges.AsNoTracking().Include(c => c.Community).Include(c => c.Criteria)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Challenge = found;
        Now = clock.GetUtcNow().UtcDateTime;
        Phase = found.PhaseAt(Now);
        Judges = await db.Challenges.Where(c => c.Id == found.Id).SelectMany(c => c.Judges)
            .OrderByDescending(j => j.IsLead).ThenBy(j => j.User.DisplayName)
            .Select(j => new JudgeView(j.User.UserName!, j.User.DisplayName, j.IsLead)).ToListAsync(cancellationToken);
        EntryCount = await db.ChallengeEntries.CountAsync(e => e.ChallengeId == found.Id, cancellationToken);
        if (Phase is ChallengePhase.Judging or ChallengePhase.Closed || (Phase == ChallengePhase.Open && found.EntriesVisibleBeforeClose))
        {
            Entries = await db.Stories.Published().Where(s => db.ChallengeEntries.Any(e => e.ChallengeId == found.Id && e.StoryId == s.Id))
                .VisibleTo(await readers.ForAsync(User, cancellationToken))
                .NewestFirst().ToCards().ToPagedListAsync(PageNumber, EntriesPageSize, cancellationToken);
            if (Entries.IsPastEnd)
            {
                return NotFound();
            }
        }

        if (Phase == ChallengePhase.Closed)
        {
            // Placements are stored by name, so they are put in order here: a handful of rows.
            var placed = await db.ChallengeEntries.Where(e => e.ChallengeId == found.Id && e.Placement != null && e.Story.Status == StoryStatus.Published)
                .OrderBy(e => e.Id)
                .Select(e => new PlacedEntry(e.Placement!.Value, e.Story.Title, StoryLinks.Path(e.Story.Community.Slug, e.Story.Slug), e.Author.DisplayName, e.Author.UserName!, e.PlacementNote))
                .ToListAsync(cancellationToken);
            Results = [.. placed.OrderBy(p => p.Placement)];
            var readings = db.ChallengeAssignments.Where(a => a.Entry.ChallengeId == found.Id);
            var (judged, readingCount) = (await readings.Select(a => a.EntryId).Distinct().CountAsync(cancellationToken), await readings.CountAsync(cancellationToken));
            Statistics = new JudgingStatistics(judged, Judges.Count, Judges.Count == 0 ? 0 : (double)readingCount / Judges.Count);
        }

        if (User.UserId() is { } viewer)
        {
            ViewerJudges = await db.Challenges.Where(c => c.Id == found.Id).SelectMany(c => c.Judges).AnyAsync(j => j.UserId == viewer, cancellationToken);
            ViewerEntered = Phase == ChallengePhase.Closed && await db.ChallengeEntries.AnyAsync(e => e.AuthorId == viewer && e.ChallengeId == found.Id, cancellationToken);
        }

        Zone = await ChallengeTimes.ReaderZoneAsync(db, User, cancellationToken);
        head.Title = found.Title;
        head.Description = $"A writing challenge{(found.Community is null ? "" : " in " + found.Community.Name)}. "
            + (Phase == ChallengePhase.Open ? $"Entries close {found.ClosesAt:d MMMM yyyy}." : $"{ChallengePhases.Label(Phase)}.");
        head.ImageUrl = found.HeroImageUrl;
        head.ImageAlt = found.HeroAltText;
        return Page();
    }
}
