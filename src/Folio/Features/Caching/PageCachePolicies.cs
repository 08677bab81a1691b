namespace Folio.Features.Caching;

/// <summary>
/// The two named output-cache policies. Both are <see cref="AnonymousPagePolicy"/>; a listing also carries the
/// <see cref="PageCacheTags.Lists"/> tag, so publishing, editing or commenting on any story evicts it.
/// Use <c>[OutputCache(PolicyName = PageCachePolicies.Listing)]</c> on a PageModel, <c>.CacheOutput(PageCachePolicies.Listing)</c> on an endpoint.
/// Search is not cached: nearly every query is its own page, seldom asked twice, and each would crowd out pages that are.
/// </summary>
public static class PageCachePolicies
{
    /// <summary>A page about one thing: a story (which adds its own story tag), a site page.</summary>
    public const string Page = "folio-page";

    /// <summary>A page or feed that lists stories: home, explore, top, community, tag, author, feeds, sitemap.</summary>
    public const string Listing = "folio-listing";
}
