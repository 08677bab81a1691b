using Folio.Shared.Web;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Challenges.Judging;

/// <summary>The lead judge's page: every judged entry by weighted score, and the places to give with a note on each.</summary>
[Authorize]
public sealed class ResultsPageModel(FolioDb db, ChallengeResults results, PageHead head, TimeProvider clock) : PageModel
{
    public JudgedChallenge Judged { get; private set; } = null!;
    public IReadOnlyList<Standing> Standings { get; private set; } = [];
    public JudgingProgress Progress { get; private set; } = new(0, 0);
    public IReadOnlyList<ChallengePlacement> Places { get; private set; } = [];
    public bool Published { get; private set; }

    [BindProperty]
    public List<PlacementPick> Picks { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Picks = [.. Places.Select(place => new PlacementPick { Place = place })];
        foreach (var (standing, i) in Standings.Where(s => s.Placement is not null).OrderBy(s => s.Placement).Select((s, i) => (s, i)))
        {
            // Already published: show the places as they were given (runners-up fill the runner-up rows in turn).
            var row = Places.Select((p, index) => (p, index)).Where(x => x.p == standing.Placement && Picks[x.index].EntryId is null).Select(x => x.index).FirstOrDefault(-1);
            if (row >= 0)
            {
                Picks[row].EntryId = standing.EntryId;
                Picks[row].Note = standing.PlacementNote;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (Published)
        {
            ModelState.AddModelError("", "The results are already published.");
            return ShowAgain(StatusCodes.Status409Conflict);
        }

        var problems = await results.PublishAsync(Judged, Picks, [.. Standings.Select(s => s.EntryId)], Progress, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }

            return ShowAgain(StatusCodes.Status400BadRequest);
        }

        return Redirect($"/challenges/{Judged.Challenge.Slug}");
    }

    /// <summary>The form again with every place the challenge has, whichever the lead judge left out.</summary>
    private PageResult ShowAgain(int status)
    {
        while (Picks.Count < Places.Count)
        {
            Picks.Add(new PlacementPick { Place = Places[Picks.Count] });
        }

        return Page().WithStatus(status);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await JudgedChallenge.FindAsync(db, slug, User.UserId(), cancellationToken) is not { Judge.IsLead: true } judged)
        {
            return false;
        }

        var phase = judged.Challenge.PhaseAt(clock.GetUtcNow().UtcDateTime);
        if (phase is ChallengePhase.Upcoming or ChallengePhase.Open)
        {
            return false;
        }

        Judged = judged;
        Published = phase == ChallengePhase.Closed;
        Places = ChallengeResults.Places(judged.Challenge);
        Standings = await Judging.Standings.OfAsync(db, judged.Challenge.Id, cancellationToken);
        Progress = await JudgingProgress.OfAsync(db, judged.Challenge.Id, cancellationToken);
        head.Title = $"Results of {judged.Challenge.Title}";
        head.NoIndex = true;
        return true;
    }
}
