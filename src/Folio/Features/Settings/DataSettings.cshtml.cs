using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Settings;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DataSettingsModel(SignInManager<FolioUser> signIn, FolioDb db, AccountDeletion deletion, PageHead head) : SettingsPage(signIn)
{
    public DeleteAccountInput Deletion { get; private set; } = new();

    public int StoryCount { get; private set; }

    /// <summary>Carried to /goodbye, which only says the account is deleted when it really just was.</summary>
    [TempData]
    public bool AccountDeleted { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync([Bind(Prefix = nameof(Deletion))] DeleteAccountInput input, CancellationToken cancellationToken)
    {
        Deletion = input;
        await ShowAsync(cancellationToken);
        if (StoryCount > 0 && input.Stories is null)
        {
            ModelState.AddModelError("Deletion.Stories", "Choose whether your stories are deleted or kept.");
        }

        if (!ModelState.IsValid || !await ConfirmPasswordAsync(input.Password, "Deletion.Password"))
        {
            return Page();
        }

        await deletion.DeleteAsync(Me, input.Stories ?? StoriesOnDeletion.Delete, cancellationToken);
        await Sessions.SignOutAsync();
        AccountDeleted = true;
        return RedirectToPage("/Settings/Goodbye");
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        head.Title = "Your data";
        StoryCount = await db.Stories.CountAsync(s => s.AuthorId == Me.Id, cancellationToken);
    }
}
