using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Feedback;

/// <summary>
/// An entrant's private page: their entries' scores per criterion and judge, and the judges' notes to them, once the
/// results are out (before then, a line saying when). Anyone who has no entry in the challenge, signed in or not, gets a 404.
/// </summary>
public sealed class MyScoresPageModel(FolioDb db, PageHead head) : PageModel
{
    public new Challenge Challenge { get; private set; } = null!;
    public IReadOnlyList<ChallengeCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<EntryFeedback> Entries { get; private set; } = [];
    public bool Published => Challenge.ResultsPublishedAt is not null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        if (User.UserId() is not { } me
            || await db.Challenges.AsNoTracking().Include(c => c.Criteria).FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken) is not { } challenge
            || !await db.ChallengeEntries.AnyAsync(e => e.ChallengeId == challenge.Id && e.AuthorId == me, cancellationToken))
        {
            return NotFound();
        }

        Challenge = challenge;
        Criteria = [.. challenge.Criteria.OrderBy(c => c.Position)];
        if (Published)
        {
            Entries = await EntrantFeedback.OfAsync(db, challenge, Criteria, me, cancellationToken);
        }

        head.Title = $"Your scores in {challenge.Title}";
        head.NoIndex = true;
        return Page();
    }
}
