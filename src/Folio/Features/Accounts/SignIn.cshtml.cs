using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Features.People;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class SignInModel(UserManager<FolioUser> users, SignInManager<FolioUser> signIn, AccountRateLimiter limiter, SignInHistory history, PageHead head) : PageModel
{
    // One answer for an unknown account and a wrong password, as "forgot password" does: neither tells who has an account.
    private const string NoMatch = "That email or username and password don’t match. Check them, or reset your password.";

    // Checked against when no account matches, so that an unknown login costs the same hashing as a wrong password.
    private static string? _unknownAccountHash;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet() => head.Title = "Sign in";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        head.Title = "Sign in";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var login = Input.Login!.Trim();
        var user = login.Contains('@') ? await users.FindByEmailAsync(login) : await users.FindByNameAsync(login);
        var account = user?.Id ?? "unknown:" + login.ToUpperInvariant();
        var address = ClientAddress.Of(HttpContext);
        var allowed = await limiter.MaySignInAsync(account, address, cancellationToken);
        if (!allowed.Allowed)
        {
            return this.Refuse(allowed, "Too many failed sign-ins from your address. You can reset your password meanwhile.");
        }

        if (user is null)
        {
            CheckAgainstNoAccount(Input.Password!);
        }
        else
        {
            // Failures never lock the account (that would let anyone lock anyone out); the limiter stops the guesser instead.
            var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await history.RecordAsync(user.Id, HttpContext, cancellationToken);
                return LocalRedirect(SafeReturnUrl.Or(ReturnUrl, "/"));
            }

            // Locked by an operator: said only to someone who knows the password.
            if (result.IsLockedOut && await users.CheckPasswordAsync(user, Input.Password!))
            {
                ModelState.AddModelError("", "This account is locked. Contact the site’s team if you think that is a mistake.");
                return Page();
            }
        }

        await limiter.CountFailedSignInAsync(account, address, cancellationToken);
        ModelState.AddModelError("", NoMatch);
        return Page();
    }

    private void CheckAgainstNoAccount(string password)
    {
        var nobody = new FolioUser();
        _unknownAccountHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(nobody, _unknownAccountHash, password);
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
