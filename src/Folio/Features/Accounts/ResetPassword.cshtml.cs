using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class ResetPasswordModel(UserManager<FolioUser> users, PageHead head) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters for your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? Password { get; set; }

    public bool Done { get; private set; }

    public void OnGet() => head.Title = "Choose a new password";

    public async Task<IActionResult> OnPostAsync()
    {
        head.Title = "Choose a new password";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = Email is null ? null : await users.FindByEmailAsync(Email);
        var token = AccountEmails.Decode(Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", "This reset link is not valid. Ask for a new one.");
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "",
                    error.Code == "InvalidToken" ? "This reset link has expired or was already used. Ask for a new one." : error.Description);
            }

            return Page();
        }

        Done = true;
        return Page();
    }
}
