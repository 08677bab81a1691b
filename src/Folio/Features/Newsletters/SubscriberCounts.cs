namespace Folio.Features.Newsletters;

/// <summary>
/// A creator's subscribers by how they get new stories: the subscription's own choice, else the reader's default. Whoever
/// would get email but cannot be emailed (address stopped after refusals, not confirmed, account banned) is counted as
/// <see cref="CannotBeEmailed"/>; whoever chose no email is counted as <see cref="NoEmail"/> either way.
/// </summary>
public sealed record SubscriberCounts(int EachStory, int DailyDigest, int WeeklyDigest, int NoEmail, int CannotBeEmailed)
{
    public int Total => EachStory + DailyDigest + WeeklyDigest + NoEmail + CannotBeEmailed;

    /// <summary>The counts from rows of (effective choice, whether the address can be emailed, how many).</summary>
    public static SubscriberCounts From(IEnumerable<(Delivery Delivery, bool Reachable, int Count)> groups)
    {
        var list = groups.ToList();
        int Reachable(Delivery delivery) => list.Where(g => g.Delivery == delivery && g.Reachable).Sum(g => g.Count);
        return new SubscriberCounts(
            Reachable(Delivery.Immediately),
            Reachable(Delivery.Daily),
            Reachable(Delivery.Weekly),
            list.Where(g => g.Delivery == Delivery.Never).Sum(g => g.Count),
            list.Where(g => g.Delivery != Delivery.Never && !g.Reachable).Sum(g => g.Count));
    }
}
