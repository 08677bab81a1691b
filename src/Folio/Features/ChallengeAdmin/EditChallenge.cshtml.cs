using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Challenges;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.ChallengeAdmin;

[Authorize(Policy = Policies.Moderate)]
[RequestSizeLimit(ChallengeForm.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ChallengeForm.UploadLimit)]
public sealed class EditChallengeModel(FolioDb db, ChallengeChanges changes, ChallengeHeroImages heroes, PageHead head) : PageModel
{
    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? HeroImage { get; set; }

    public new Challenge Challenge { get; private set; } = null!;

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var zone = await db.Users.Where(u => u.Id == User.RequiredUserId()).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
        Input = ChallengeInput.From(Challenge, zone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var draft = await ChallengeForm.ReadAsync(Input, HeroImage, heroes, ModelState, cancellationToken);
        if (draft is null)
        {
            return ChallengeForm.Invalid(this, Input);
        }

        var previousHero = Challenge.HeroImageUrl;
        var result = await changes.EditAsync(Challenge, draft, cancellationToken);
        if (!result.Succeeded)
        {
            heroes.DeleteIfUploaded(draft.HeroImageUrl);
            ChallengeForm.AddProblems(ModelState, result.Problems);
            await LoadAsync(id, cancellationToken);
            return ChallengeForm.Invalid(this, Input);
        }

        if (draft.HeroImageUrl is not null && previousHero != draft.HeroImageUrl)
        {
            heroes.DeleteIfUploaded(previousHero);
        }

        StatusMessage = "Saved.";
        return Redirect($"/admin/challenges/{id}/edit");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        head.Title = "Edit challenge";
        head.NoIndex = true;
        ModelState.Remove(nameof(Challenge));
        Challenge = (await db.Challenges.Include(c => c.Criteria).Include(c => c.Judges).ThenInclude(j => j.User)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken))!;
        if (Challenge is null)
        {
            return false;
        }

        Communities = await ChallengeForm.CommunitiesAsync(db, Challenge.CommunityId, cancellationToken);
        return true;
    }
}
