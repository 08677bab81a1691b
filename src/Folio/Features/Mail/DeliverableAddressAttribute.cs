using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Folio.Features.Mail;

/// <summary>
/// [EmailAddress] only looks for an @, so `x&lt;y@example.org` or `a b@example.org` passed, the account was created,
/// and every email to it then failed in MailKit. An address is accepted only if MailKit reads it back unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DeliverableAddressAttribute : ValidationAttribute
{
    public static bool IsDeliverable(string address) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address == address && string.IsNullOrEmpty(mailbox.Name);

    public override bool IsValid(object? value) => value is not string text || text.Trim().Length == 0 || IsDeliverable(text.Trim());
}
