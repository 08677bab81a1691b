using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class SignInModel(UserManager<FolioUser> users, SignInManager<FolioUser> signIn, PageHead head) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet() => head.Title = "Sign in";

    public async Task<IActionResult> OnPostAsync()
    {
        head.Title = "Sign in";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var login = Input.Login!.Trim();
        var user = login.Contains('@') ? await users.FindByEmailAsync(login) : await users.FindByNameAsync(login);
        if (user is null)
        {
            ModelState.AddModelError("Input.Login", "No account uses that email or username. Check it, or create an account.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl.Or(ReturnUrl, Url, "/"));
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - DateTimeOffset.UtcNow).TotalMinutes));
            ModelState.AddModelError("", $"Too many failed attempts: this account is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}. You can reset your password meanwhile.");
            return Page();
        }

        var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
        ModelState.AddModelError("Input.Password", left <= 2
            ? $"That password is not right. {left} more attempt{(left == 1 ? "" : "s")} before the account is locked for 15 minutes."
            : "That password is not right.");
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email or username.")]
    [Display(Name = "Email or username")]
    public string? Login { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; } = true;
}
