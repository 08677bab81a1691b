using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Settings;

[Authorize(Policy = Policies.SignedIn)]
public sealed class AccountSettingsModel(SignInManager<FolioUser> signIn, AccountEmails emails, AccountRateLimiter limiter, PageHead head)
    : SettingsPage(signIn)
{
    public EmailChangeInput EmailChange { get; private set; } = new();

    public PasswordChangeInput PasswordChange { get; private set; } = new();

    /// <summary>Why a new confirmation link was not sent (too many this hour).</summary>
    public string? ConfirmError { get; private set; }

    public void OnGet() => head.Title = "Email and password";

    /// <summary>The address changes only when the link sent to it is opened, so a typo cannot lock anyone out.</summary>
    public async Task<IActionResult> OnPostEmailAsync([Bind(Prefix = nameof(EmailChange))] EmailChangeInput input)
    {
        EmailChange = input;
        if (!ModelState.IsValid || !await ConfirmPasswordAsync(input.Password, "EmailChange.Password"))
        {
            return Show();
        }

        var email = input.NewEmail!.Trim();
        if (string.Equals(email, Me.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("EmailChange.NewEmail", $"{email} is already your email address.");
            return Show();
        }

        if (await Users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("EmailChange.NewEmail", $"Another account already uses {email}.");
            return Show();
        }

        await emails.SendConfirmationAsync(Me, email);
        Status = $"We sent a link to {email}. Your email address changes when you open it; until then it stays {Me.Email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!Me.EmailConfirmed)
        {
            var allowed = await limiter.TryTakeConfirmationEmailAsync(Me.Id, cancellationToken);
            if (!allowed.Allowed)
            {
                var page = this.Refuse(allowed, "We have already sent several confirmation links this hour; the newest one works.");
                // Shown by the resend button, not in the password form's summary.
                ConfirmError = ModelState[""]!.Errors[0].ErrorMessage;
                ModelState.Remove("");
                head.Title = "Email and password";
                return page;
            }

            await emails.SendConfirmationAsync(Me);
            Status = $"We sent a new confirmation link to {Me.Email}.";
        }

        return RedirectToPage();
    }

    /// <summary>The person says their address works again (a full mailbox emptied, a typo at their provider fixed).</summary>
    public async Task<IActionResult> OnPostRetryEmailAsync()
    {
        if (EmailStops.IsStopped(Me))
        {
            EmailStops.Clear(Me);
            var result = await Users.UpdateAsync(Me);
            if (!result.Succeeded)
            {
                ModelState.AddModelError("", "Your address could not be tried again. Please try once more.");
                return Show();
            }

            Status = $"We will email {Me.Email} again.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync([Bind(Prefix = nameof(PasswordChange))] PasswordChangeInput input)
    {
        PasswordChange = input;
        if (!ModelState.IsValid || !await ConfirmPasswordAsync(input.CurrentPassword, "PasswordChange.CurrentPassword"))
        {
            return Show();
        }

        var result = await Users.ChangePasswordAsync(Me, input.CurrentPassword!, input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "PasswordChange.CurrentPassword"
                    : FolioIdentityErrors.FieldFor(error) == "Password" ? "PasswordChange.NewPassword" : "", error.Description);
            }

            return Show();
        }

        // The security stamp changed, which ends other sessions; this one is renewed so it carries on.
        await Sessions.RefreshSignInAsync(Me);
        Status = "Your password is changed.";
        return RedirectToPage();
    }

    private PageResult Show()
    {
        head.Title = "Email and password";
        return Page();
    }
}
