using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.CommunityAdmin;

[Authorize(Policy = Policies.Administer)]
[RequestSizeLimit(CommunityForm.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CommunityForm.UploadLimit)]
public sealed class NewCommunityModel(CommunityChanges changes, CommunityLogos logos, PageHead head) : PageModel
{
    [BindProperty]
    public CommunityInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet() => Show();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Show();
        var change = await CommunityForm.ReadAsync(Input, Logo, logos, ModelState, cancellationToken);
        if (change is null)
        {
            return CommunityForm.Invalid(this);
        }

        var result = await changes.CreateAsync(change, cancellationToken);
        if (!result.Succeeded)
        {
            logos.DeleteIfUploaded(change.LogoUrl);
            CommunityForm.AddProblems(ModelState, result.Problems);
            return CommunityForm.Invalid(this);
        }

        StatusMessage = $"{result.Community!.Name} is open at /{result.Community.Slug}.";
        return Redirect($"/admin/communities/{result.Community.Slug}");
    }

    private void Show()
    {
        head.Title = "Create a community";
        head.NoIndex = true;
    }
}
