using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Folio.Features.Communities;

/// <summary>A community answers at /{slug}, so its slug must be URL-safe and must not shadow a page of the site.</summary>
public static partial class CommunitySlugRules
{
    public const int MinLength = 2;
    public const int MaxLength = 60;
    public const string Requirement = "2–60 lowercase letters (a–z), digits or hyphens";

    /// <summary>
    /// Every top-level URL segment the site uses or keeps for itself. A feature that adds a top-level route adds its
    /// segment here, before a community can take it.
    /// </summary>
    public static readonly FrozenSet<string> ReservedSegments = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "explore", "authors", "tags", "search", "insights", "contact", "privacy", "terms", "support",
        "signin", "signup", "signout", "api", "write", "me", "moderation", "notifications", "following", "top",
        "settings", "stories", "comments", "error", "media", "demo", "css", "js", "theme", "openapi", "admin", "developers",
        "forgot-password", "reset-password", "confirm-email", "goodbye", "healthz", "readyz", "feeds",
        "sitemap.xml", "sitemaps", "robots.txt", "favicon.svg", "feed.xml", "feed.atom", "theme.css", "site", "check-inbox", "cards",
        "share", "saved", "unsubscribe",
        "ap", "nodeinfo", ".well-known", // ActivityPub ids, NodeInfo and WebFinger (Features/Federation)
        "challenges", // writing contests (Features/Challenges)
        "new", // /admin/communities/new creates a community, so a community slugged "new" could never be edited there
    ]);

    public static bool IsReserved(string slug) => ReservedSegments.Contains(slug);

    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug) && !IsReserved(slug);

    /// <summary>Why a slug cannot be used, in words for the person who chose it; null when it can.</summary>
    public static string? Problem(string? slug) => slug switch
    {
        null or "" => "Choose a slug for the community's address.",
        _ when !Pattern().IsMatch(slug) => $"Community slugs are {Requirement}; “{slug}” is not.",
        _ when IsReserved(slug) => $"“{slug}” is a page of the site already. Please choose another slug.",
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9-]{2,60}$")]
    private static partial Regex Pattern();
}
