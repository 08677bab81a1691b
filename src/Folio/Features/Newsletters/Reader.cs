using Folio.Features.Labels;

namespace Folio.Features.Newsletters;

/// <summary>One person told of a new story: how they follow its author and community, whether they can be emailed at all, and what they hide.</summary>
internal sealed record Reader(
    string Id, string? Email, string DisplayName, bool MayBeEmailed, Delivery Default,
    bool Subscribed, Delivery? SubscriptionDelivery, bool Following, Delivery? FollowDelivery, ReadingChoices Choices)
{
    /// <summary>
    /// Why this reader is emailed the story now, or null when they are not: each follow's choice, or else the reader's
    /// own; someone who both subscribes and follows hears by the more immediate of the two, and once.
    /// </summary>
    public NewStoryReason? EmailReason()
    {
        if (!MayBeEmailed || !NewsletterAddress.IsDeliverable(Email))
        {
            return null;
        }

        var fromCreator = Subscribed ? SubscriptionDelivery ?? Default : Delivery.Never;
        var fromCommunity = Following ? FollowDelivery ?? Default : Delivery.Never;
        return (fromCreator, fromCommunity) switch
        {
            (Delivery.Immediately, _) => NewStoryReason.FollowsCreator,
            (_, Delivery.Immediately) => NewStoryReason.FollowsCommunity,
            _ => null,
        };
    }
}
