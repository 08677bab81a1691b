using Folio.Shared;

namespace Folio.Features.Subscriptions;

public enum FollowTarget
{
    Creator,
    Community,
    Series,
}

public enum FollowButtonState
{
    /// <summary>A visitor: a sign-in link that comes back to the page.</summary>
    SignedOut,

    /// <summary>The creator on their own profile: nothing to subscribe to, only the count.</summary>
    Own,

    CanFollow,
}

/// <summary>What the subscribe button on a profile or a series, or the follow button on a community page, shows.</summary>
public sealed record FollowButton(FollowTarget Target, string Key, string Name, FollowButtonState State, bool Following, int? Count, string PageUrl)
{
    public string Action => Target switch
    {
        FollowTarget.Creator => $"/following/creators/{Key}",
        FollowTarget.Series => $"/following/series/{Key}",
        _ => $"/following/communities/{Key}",
    };

    /// <summary>A creator and a series are subscribed to, a community followed.</summary>
    public bool IsSubscription => Target != FollowTarget.Community;

    public string FollowLabel => IsSubscription ? "Subscribe" : "Follow";

    public string UnfollowLabel => IsSubscription ? "Unsubscribe" : "Unfollow";

    public string Label => Following ? UnfollowLabel : FollowLabel;

    public string SignInLabel => IsSubscription ? "Sign in to subscribe" : "Sign in to follow";

    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(PageUrl);

    public string? CountText => Count is not { } count ? null : CountOf(Target, count);

    public static string CountOf(FollowTarget target, int count) => target != FollowTarget.Community
        ? Plural.Of(count, "subscriber", "subscribers")
        : Plural.Of(count, "follower", "followers");
}
