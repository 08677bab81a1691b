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
public sealed class EditChallengeModel(FolioDb db, ChallengeEditor editor, PageHead head) : PageModel
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

        var result = ModelState.IsValid ? await editor.SaveAsync(Challenge, Input, HeroImage, User.RequiredUserId(), cancellationToken) : null;
        if (result is not { Succeeded: true })
        {
            ChallengeForm.AddProblems(ModelState, result?.Problems ?? []);
            await LoadAsync(id, cancellationToken);
            return ChallengeForm.Invalid(this, Input);
        }

        StatusMessage = "Saved.";
        return Redirect($"/admin/challenges/{id}/edit");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        head.Title = "Edit challenge";
        head.NoIndex = true;
        ModelState.Remove(nameof(Challenge));
        Challenge = (await editor.FindAsync(id, cancellationToken))!;
        if (Challenge is null)
        {
            return false;
        }

        Communities = await ChallengeForm.CommunitiesAsync(db, Challenge.CommunityId, cancellationToken);
        return true;
    }
}
