using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Entering;

/// <summary>One of the author's entries in a challenge still taking entries, which they may withdraw.</summary>
public sealed record OpenEntry(int StoryId, string StoryTitle, StoryStatus Status, string ChallengeSlug, string ChallengeTitle, DateTime ClosesAt);

public sealed record OpenEntries(IReadOnlyList<OpenEntry> Entries, DateTime Now, TimeZoneInfo Zone);

/// <summary>
/// The author's dashboard's list of their entries in open challenges, each with its withdraw button (the dashboard's
/// WithdrawEntry handler, which goes through the story workflow). Entries of closed challenges are not listed: they can't
/// be withdrawn any more.
/// </summary>
public sealed class OpenEntriesViewComponent(FolioDb db, TimeProvider clock) : ViewComponent
{
    /// <summary>More than any author has open at once: most challenges take one entry per creator.</summary>
    public const int MostListed = 50;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var authorId = UserClaimsPrincipal.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        // From the (AuthorId, ChallengeId) index: only this author's entries are read.
        var entries = await db.ChallengeEntries.AsNoTracking()
            .Where(e => e.AuthorId == authorId && e.Challenge.ResultsPublishedAt == null && e.Challenge.OpensAt <= now && e.Challenge.ClosesAt > now)
            .OrderBy(e => e.Challenge.ClosesAt).ThenBy(e => e.Id).Take(MostListed)
            .Select(e => new OpenEntry(e.StoryId, e.Story.Title, e.Story.Status, e.Challenge.Slug, e.Challenge.Title, e.Challenge.ClosesAt))
            .ToListAsync(HttpContext.RequestAborted);
        if (entries.Count == 0)
        {
            return Content("");
        }

        var zone = await ChallengeTimes.ReaderZoneAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("~/Features/Challenges/Entering/_OpenEntries.cshtml", new OpenEntries(entries, now, zone));
    }
}
