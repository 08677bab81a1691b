using Folio.Data;
using Folio.Features.Caching;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

[OutputCache(PolicyName = PageCachePolicies.Page)]
public sealed class ChallengesPageModel(FolioDb db, PageHead head, TimeProvider clock) : PageModel
{
    /// <summary>Each section shows at most this many; closed challenges page on at the same size.</summary>
    public const int SectionSize = 20;

    public IReadOnlyList<ChallengeSummary> Open { get; private set; } = [];
    public IReadOnlyList<ChallengeSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<ChallengeSummary> Judging { get; private set; } = [];
    public PagedList<ChallengeSummary> Closed { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTime Now { get; private set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        HttpContext.TagCachedPage(PageCacheTags.Challenges);
        Now = clock.GetUtcNow().UtcDateTime;
        var challenges = db.Challenges.AsNoTracking();
        Closed = await challenges.WithResults().OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id).ToSummaries()
            .ToPagedListAsync(PageNumber, SectionSize, cancellationToken);
        if (Closed.IsPastEnd)
        {
            return NotFound();
        }

        if (PageNumber <= 1)
        {
            Open = await challenges.OpenAt(Now).OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).ToSummaries().Take(SectionSize).ToListAsync(cancellationToken);
            Upcoming = await challenges.UpcomingAt(Now).OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToSummaries().Take(SectionSize).ToListAsync(cancellationToken);
            Judging = await challenges.JudgingAt(Now).OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id).ToSummaries().Take(SectionSize).ToListAsync(cancellationToken);
        }

        Zone = await ChallengeTimes.ReaderZoneAsync(db, User, cancellationToken);
        head.Title = "Challenges";
        head.Description = "Writing challenges: a prompt, a deadline and judges. Enter the open ones, and read the entries once they close.";
        head.Feeds.Add(new FeedLink("Challenges", "/challenges"));
        return Page();
    }
}
