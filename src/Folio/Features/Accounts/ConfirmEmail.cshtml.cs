using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<FolioUser> users, SignInManager<FolioUser> signIn, PageHead head) : PageModel
{
    public bool Confirmed { get; private set; }
    public string? ConfirmedEmail { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? email)
    {
        head.Title = "Confirm your email";
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = AccountEmails.Decode(code);
        if (user is null || token is null)
        {
            return;
        }

        var result = email is null
            ? await users.ConfirmEmailAsync(user, token)
            : await users.ChangeEmailAsync(user, email, token);
        Confirmed = result.Succeeded;
        ConfirmedEmail = email ?? user.Email;
        if (Confirmed && email is not null && (EmailStops.IsStopped(user) || user.EmailFailures > 0))
        {
            // What the old address's server said says nothing about the new one.
            EmailStops.Clear(user);
            await users.UpdateAsync(user);
        }

        if (Confirmed && email is not null && signIn.IsSignedIn(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
