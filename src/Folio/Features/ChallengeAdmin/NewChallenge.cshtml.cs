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
public sealed class NewChallengeModel(FolioDb db, ChallengeEditor editor, PageHead head) : PageModel
{
    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? HeroImage { get; set; }

    public IReadOnlyList<CommunityChoice> Communities { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        var zone = await db.Users.Where(u => u.Id == User.RequiredUserId()).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
        Input = ChallengeInput.Blank(ChallengeInput.ZoneOrUtc(zone).Id);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        var result = ModelState.IsValid ? await editor.SaveAsync(null, Input, HeroImage, User.RequiredUserId(), cancellationToken) : null;
        if (result is not { Succeeded: true })
        {
            ChallengeForm.AddProblems(ModelState, result?.Problems ?? []);
            return ChallengeForm.Invalid(this, Input);
        }

        StatusMessage = $"{result.Challenge!.Title} is saved, at /challenges/{result.Challenge.Slug}.";
        return Redirect($"/admin/challenges/{result.Challenge.Id}/edit");
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        head.Title = "Create a challenge";
        head.NoIndex = true;
        Communities = await ChallengeForm.CommunitiesAsync(db, null, cancellationToken);
    }
}
