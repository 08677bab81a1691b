using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Challenges;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.ChallengeAdmin;

public sealed record ChallengeRow(int Id, string Slug, string Title, string? CommunityName, DateTime OpensAt, DateTime ClosesAt, ChallengePhase Phase, int Entries);

[Authorize(Policy = Policies.Moderate)]
public sealed class ChallengeListModel(FolioDb db, PageHead head, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public PagedList<ChallengeRow> Challenges { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Challenges";
        head.NoIndex = true;
        var now = clock.GetUtcNow().UtcDateTime;
        // Latest closing first, from the ClosesAt index; entries are counted for this page's challenges only.
        var page = await db.Challenges.AsNoTracking().OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Slug, c.Title, CommunityName = c.Community != null ? c.Community.Name : null, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt,
                Entries = db.ChallengeEntries.Count(e => e.ChallengeId == c.Id),
            })
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken: cancellationToken);
        Challenges = page.WithItems<ChallengeRow>(
            [.. page.Items.Select(c => new ChallengeRow(c.Id, c.Slug, c.Title, c.CommunityName, c.OpensAt, c.ClosesAt,
                Folio.Features.Challenges.Challenge.PhaseOf(c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, now),
                c.Entries))]);
    }
}
