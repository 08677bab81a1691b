using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class ForgotPasswordModel(UserManager<FolioUser> users, AccountEmails emails, AccountRateLimiter limiter, PageHead head) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the email address of your account.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [DeliverableAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() => head.Title = "Reset your password";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        head.Title = "Reset your password";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Email!.Trim();
        var allowed = await limiter.TryTakeResetEmailAsync(email, ClientAddress.Of(HttpContext), cancellationToken);
        if (!allowed.Allowed)
        {
            return this.Refuse(allowed, "Too many reset requests for this email address or from your address. A link already sent still works.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            await emails.SendPasswordResetAsync(user);
        }

        // The same answer either way, so this form cannot be used to find out who has an account.
        Sent = true;
        return Page();
    }
}
