using Folio.Features.Creators;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

/// <summary>After sign-up, and wherever an unconfirmed account is sent: which address the link went to, and a resend.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CheckInboxModel(UserManager<FolioUser> users, AccountEmails emails, AccountRateLimiter limiter, PageHead head) : PageModel
{
    public const string Path = "/check-inbox";

    public string Email { get; private set; } = "";

    public bool Confirmed { get; private set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Where "Continue" leads: what the person was doing before signing up, or their stories.</summary>
    public string ContinueUrl => SafeReturnUrl.Or(ReturnUrl, "/me/stories");

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } user)
        {
            return SignInAgain();
        }

        if (Confirmed)
        {
            return RedirectToPage(new { returnUrl = ReturnUrl });
        }

        var allowed = await limiter.TryTakeConfirmationEmailAsync(user.Id, cancellationToken);
        if (!allowed.Allowed)
        {
            return this.Refuse(allowed, "We have already sent several links this hour; the newest one works.");
        }

        await emails.SendConfirmationAsync(user);
        Status = $"We sent a new confirmation link to {user.Email}. Links sent before it no longer work.";
        return RedirectToPage(new { returnUrl = ReturnUrl });
    }

    private async Task<FolioUser?> LoadAsync()
    {
        head.Title = "Check your inbox";
        var user = await users.GetUserAsync(User);
        Email = user?.Email ?? "";
        Confirmed = user?.EmailConfirmed == true;
        return user;
    }

    private RedirectResult SignInAgain() => Redirect("/signin?returnUrl=" + Uri.EscapeDataString(Path));
}
