using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.SiteAdmin;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Folio.Features.Accounts;

/// <summary>
/// The emails that carry account links: confirm an address, reset a password. They are queued and saved at once, so the
/// request does not wait on the mail server and a send that fails is tried again; the queue's worker is woken to send them.
/// </summary>
public sealed class AccountEmails(UserManager<FolioUser> users, FolioDb db, MailQueue mail, SiteUrls urls, CurrentSite site)
{
    public async Task SendConfirmationAsync(FolioUser user, string? newEmail = null)
    {
        var address = newEmail ?? user.Email!;
        var token = newEmail is null
            ? await users.GenerateEmailConfirmationTokenAsync(user)
            : await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var query = new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = Encode(token) };
        if (newEmail is not null)
        {
            query["email"] = newEmail;
        }

        var link = QueryHelpers.AddQueryString(urls.Absolute("/confirm-email"), query);
        var siteName = (await site.GetAsync()).Name;
        await QueueAsync(new OutgoingEmail(address, user.DisplayName, $"Confirm your email for {siteName}",
            $"""
            Hello {user.DisplayName},

            Please confirm that {address} is your email address for {siteName} by opening this link:

            {link}

            If you did not ask for this, you can ignore this message.
            """) { RecipientId = user.Id });
    }

    public async Task SendPasswordResetAsync(FolioUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = QueryHelpers.AddQueryString(urls.Absolute("/reset-password"),
            new Dictionary<string, string?> { ["email"] = user.Email, ["code"] = Encode(token) });
        var siteName = (await site.GetAsync()).Name;
        await QueueAsync(new OutgoingEmail(user.Email!, user.DisplayName, $"Reset your {siteName} password",
            $"""
            Hello {user.DisplayName},

            Someone (we hope you) asked to reset the password of your {siteName} account. Choose a new one here:

            {link}

            The link works once and expires in a day. If you did not ask, ignore this message: your password stays as it is.
            """) { RecipientId = user.Id });
    }

    private async Task QueueAsync(OutgoingEmail email)
    {
        mail.Enqueue(email with { Kind = EmailKind.Account });
        await db.SaveChangesAsync();
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
