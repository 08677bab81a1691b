using Folio.Data;
using Folio.Features.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

/// <summary>A community's challenges as its page's banner shows them: the zone and the moment they are shown at.</summary>
public sealed record ChallengeBanner(IReadOnlyList<ChallengeSummary> Challenges, DateTime Now, TimeZoneInfo Zone, bool SignedIn);

/// <summary>
/// The banner on /{community}: the community's open challenges, and those opening within a week. The cached page
/// carries the challenges tag, so the minute pass that sees a challenge open or close evicts it with the challenge pages.
/// </summary>
public sealed class ChallengeBannerViewComponent(FolioDb db, TimeProvider clock) : ViewComponent
{
    /// <summary>How far ahead an upcoming challenge is announced.</summary>
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(7);

    /// <summary>A community runs a few at once; a banner is no list.</summary>
    public const int MostShown = 3;

    public async Task<IViewComponentResult> InvokeAsync(int communityId)
    {
        HttpContext.TagCachedPage(PageCacheTags.Challenges);
        var now = clock.GetUtcNow().UtcDateTime;
        var announced = now + UpcomingWindow;
        // Read from the (CommunityId, ClosesAt) index: the community's challenges not yet closed, soonest to close first.
        var challenges = await db.Challenges.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.ResultsPublishedAt == null && c.ClosesAt > now && c.OpensAt <= announced)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(MostShown).ToSummaries()
            .ToListAsync(HttpContext.RequestAborted);
        if (challenges.Count == 0)
        {
            return Content("");
        }

        var zone = await ChallengeTimes.ReaderZoneAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("~/Features/Challenges/_ChallengeBanner.cshtml",
            new ChallengeBanner(challenges, now, zone, UserClaimsPrincipal.Identity?.IsAuthenticated == true));
    }
}
