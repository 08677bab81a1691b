using System.Security.Claims;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.SiteAdmin;

/// <summary>The email an admin sends themselves from /admin/site, to see that the mail settings work and how emails look.</summary>
public sealed class TestEmails(UserManager<FolioUser> users, FolioDb db, MailQueue mail, SiteUrls urls, CurrentSite current)
{
    /// <summary>Queues it to the signed-in admin's address and returns that address; null when the account is gone.</summary>
    public async Task<string?> QueueAsync(ClaimsPrincipal signedIn, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(signedIn) is not { Email: { } address } admin)
        {
            return null;
        }

        var site = await current.GetAsync(cancellationToken);
        mail.Enqueue(new OutgoingEmail(address, admin.DisplayName, $"A test email from {site.Name}",
            $"""
            Hello {admin.DisplayName},

            This is the test email you asked for at {urls.Absolute("/admin/site")}. If you are reading it, {site.Name} can send email.
            """) { Kind = EmailKind.Test, RecipientId = admin.Id });
        await db.SaveChangesAsync(cancellationToken);
        return address;
    }
}
