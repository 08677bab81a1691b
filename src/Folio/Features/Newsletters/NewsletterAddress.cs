using Folio.Features.Mail;

namespace Folio.Features.Newsletters;

/// <summary>Whether an account's address can be sent newsletters at all.</summary>
internal static class NewsletterAddress
{
    // .invalid never delivers (RFC 2606): the former-member account has such an address.
    public static bool IsDeliverable(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && !email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        && DeliverableAddressAttribute.IsDeliverable(email);
}
