using Microsoft.AspNetCore.OutputCaching;

namespace Folio.Features.Caching;

/// <summary>
/// The tags cached pages carry, so a change evicts exactly the pages that show it: every page carries
/// <see cref="AllPages"/>, every page that lists stories <see cref="Lists"/>, and a story's page <see cref="Story"/>.
/// </summary>
public static class PageCacheTags
{
    public const string AllPages = "pages";
    public const string Lists = "lists";

    /// <summary>On no page: a change to the fediverse blocks, which makes every server forget its copy of them.</summary>
    public const string FederationBlocks = "federation-blocks";

    /// <summary>Carried by the challenge pages, the challenge feed and community pages (their banner of open challenges).</summary>
    public const string Challenges = "challenges";

    public static string Story(int storyId) => $"story:{storyId}";

    /// <summary>
    /// Carried by a page that links to a story by its title (the end of another story's page: read next, more from the
    /// creator), evicted when that story itself changes or is taken down, not by its hearts or comments.
    /// </summary>
    public static string Listed(int storyId) => $"listed:{storyId}";

    /// <summary>Carried by the pages that show a series' contents: its own page and each of its parts' pages.</summary>
    public static string Series(int seriesId) => $"series:{seriesId}";

    /// <summary>Adds a tag to the copy of this response the output cache keeps; does nothing when it keeps none.</summary>
    public static void TagCachedPage(this HttpContext http, string tag) =>
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}
