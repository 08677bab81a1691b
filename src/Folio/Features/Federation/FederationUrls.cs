using Folio.Pages.Shared;

namespace Folio.Features.Federation;

/// <summary>
/// The ActivityPub ids of everything Folio federates, all under the configured public origin (Folio:Site:BaseUrl).
/// Actors and objects are named by their database ids, not usernames, slugs or titles: a renamed creator, community or
/// story keeps its followers and the replies to it. Their `url`s are the HTML pages, which answer ActivityStreams JSON too.
/// </summary>
public sealed class FederationUrls(SiteUrls site)
{
    public const string Prefix = "/ap";

    public string Origin => site.Origin;

    /// <summary>The host part of every handle: acct:maya@{Host}.</summary>
    public string Host => new Uri(site.Origin).Authority;

    /// <summary>The site's own Application actor, which signs fetches.</summary>
    public string Instance => site.Absolute($"{Prefix}/actor");

    public string SharedInbox => site.Absolute($"{Prefix}/inbox");

    public string Person(string userId) => site.Absolute($"{Prefix}/people/{userId}");

    public string Group(int communityId) => site.Absolute($"{Prefix}/communities/{communityId}");

    public string Article(int storyId) => site.Absolute($"{Prefix}/stories/{storyId}");

    public string Note(int commentId) => site.Absolute($"{Prefix}/comments/{commentId}");

    /// <summary>An activity Folio sent, e.g. the Create of a story or the Accept of a follow.</summary>
    public string Activity(string kind, string id) => site.Absolute($"{Prefix}/activities/{kind}/{id}");

    public static string Inbox(string actorId) => actorId + "/inbox";

    public static string Outbox(string actorId) => actorId + "/outbox";

    public static string Followers(string actorId) => actorId + "/followers";

    public static string Following(string actorId) => actorId + "/following";

    public static string KeyId(string actorId) => actorId + "#main-key";
}
