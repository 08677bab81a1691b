namespace Folio.Features.Newsletters;

/// <summary>
/// How one reader's follows deliver: each subscribed creator's and followed community's own choice, or else the
/// reader's. A story reaches the reader by the quicker of its creator's and its community's choices, as
/// <see cref="NewStoryFanOut"/> decides for Immediately: so a story goes into a period's digest only when that is the
/// quickest way it reaches them, and into one digest at most.
/// </summary>
public sealed record DigestFollows(Delivery Default, IReadOnlyDictionary<string, Delivery?> Creators, IReadOnlyDictionary<int, Delivery?> Communities)
{
    public IEnumerable<string> CreatorsBy(Delivery period) => Creators.Where(c => (c.Value ?? Default) == period).Select(c => c.Key);

    public IEnumerable<int> CommunitiesBy(Delivery period) => Communities.Where(c => (c.Value ?? Default) == period).Select(c => c.Key);

    /// <summary>True when some follow delivers by this period: only then can the reader's digest of it hold anything.</summary>
    public bool AnyBy(Delivery period) => CreatorsBy(period).Any() || CommunitiesBy(period).Any();

    /// <summary>How a story by this creator in this community reaches the reader; Never when they follow neither.</summary>
    public Delivery DeliveryOf(string authorId, int communityId)
    {
        var byCreator = Creators.TryGetValue(authorId, out var creator) ? creator ?? Default : Delivery.Never;
        var byCommunity = Communities.TryGetValue(communityId, out var community) ? community ?? Default : Delivery.Never;
        // Delivery runs from the quickest (Immediately) to Never.
        return (Delivery)Math.Min((int)byCreator, (int)byCommunity);
    }
}
