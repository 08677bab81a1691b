using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.CommunityAdmin;

[Authorize(Policy = Policies.Administer)]
[RequestSizeLimit(CommunityForm.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CommunityForm.UploadLimit)]
public sealed class EditCommunityModel(FolioDb db, CommunityChanges changes, CommunityLogos logos, PageHead head) : PageModel
{
    [BindProperty]
    public CommunityInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Logo { get; set; }

    public Community Community { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return await db.MovedToAsync(slug, cancellationToken) is { } movedTo
                ? RedirectPermanent($"/admin/communities/{movedTo}")
                : NotFound();
        }

        Input = CommunityInput.From(Community);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var change = await CommunityForm.ReadAsync(Input, Logo, logos, ModelState, cancellationToken);
        if (change is null)
        {
            return CommunityForm.Invalid(this);
        }

        var previousLogo = Community.LogoUrl;
        var result = await changes.EditAsync(Community, change, cancellationToken);
        if (!result.Succeeded)
        {
            logos.DeleteIfUploaded(change.LogoUrl);
            CommunityForm.AddProblems(ModelState, result.Problems);
            await LoadAsync(slug, cancellationToken);
            return CommunityForm.Invalid(this);
        }

        if (change.LogoUrl is not null && previousLogo != change.LogoUrl)
        {
            logos.DeleteIfUploaded(previousLogo);
        }

        StatusMessage = !result.Changed ? "Nothing changed."
            : Community.Slug != slug.ToLowerInvariant() ? $"Saved. {Community.Name} is now at /{Community.Slug}; links to /{slug.ToLowerInvariant()} redirect there."
            : "Saved.";
        return Redirect($"/admin/communities/{Community.Slug}");
    }

    public Task<IActionResult> OnPostArchiveAsync(string slug, CancellationToken cancellationToken) =>
        ArchiveAsync(slug, true, cancellationToken);

    public Task<IActionResult> OnPostUnarchiveAsync(string slug, CancellationToken cancellationToken) =>
        ArchiveAsync(slug, false, cancellationToken);

    private async Task<IActionResult> ArchiveAsync(string slug, bool archived, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await changes.EditAsync(Community, new CommunityChange { Archived = archived }, cancellationToken);
        StatusMessage = archived
            ? $"{Community.Name} is archived: its stories stay readable, and it takes no new submissions."
            : $"{Community.Name} takes submissions again.";
        return Redirect($"/admin/communities/{Community.Slug}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        head.Title = "Edit community";
        head.NoIndex = true;
        ModelState.Remove(nameof(Community));
        Community = (await db.Communities.FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken))!;
        return Community is not null;
    }
}
