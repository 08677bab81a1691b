using Folio.Features.Labels;

namespace Folio.Features.Newsletters;

/// <summary>A reader whose digest of a period is due: whether they can be emailed, their own choice, and through when their last digest went.</summary>
public sealed record DigestReader(string Id, string? Email, string DisplayName, bool MayBeEmailed, Delivery Default, DateTime? Through, ReadingChoices Choices)
{
    public bool CanBeSentDigests => MayBeEmailed && NewsletterAddress.IsDeliverable(Email);
}
