using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Settings;

/// <summary>
/// The settings pages act on the signed-in account and on nothing else: no form carries a user id,
/// every handler works on <see cref="Me"/>, loaded here from the sign-in cookie.
/// </summary>
public abstract class SettingsPage(SignInManager<FolioUser> signIn) : PageModel
{
    public FolioUser Me { get; private set; } = null!;

    /// <summary>What the last form did, shown once after the redirect that follows a successful post.</summary>
    [TempData]
    public string? Status { get; set; }

    protected SignInManager<FolioUser> Sessions => signIn;

    protected UserManager<FolioUser> Users => signIn.UserManager;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await Users.GetUserAsync(User) is not { } user)
        {
            // A cookie that outlived its account (deleted in another browser): end it rather than fail.
            await signIn.SignOutAsync();
            context.Result = Redirect("/signin?returnUrl=" + Uri.EscapeDataString(Request.Path));
            return;
        }

        Me = user;
        await next();
    }

    /// <summary>Checks a password typed to confirm a change; wrong guesses count towards lockout, as at sign-in.</summary>
    protected async Task<bool> ConfirmPasswordAsync(string? password, string field)
    {
        var result = await signIn.CheckPasswordSignInAsync(Me, password ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return true;
        }

        ModelState.AddModelError(field, result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for a few minutes. Try again later."
            : "That password is not right.");
        return false;
    }
}
