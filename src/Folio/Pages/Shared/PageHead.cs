using Folio.Features.Labels;
using Folio.Features.SharingCards;

namespace Folio.Pages.Shared;

/// <summary>What a page tells the layout about itself: title, description, sharing picture or card, article facts and feeds.</summary>
public sealed class PageHead
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The page's own picture for link previews, used when it is a raster picture (a story's uploaded hero).</summary>
    public string? ImageUrl { get; set; }

    /// <summary>What <see cref="ImageUrl"/> shows, in words; the page's title when not known.</summary>
    public string? ImageAlt { get; set; }

    /// <summary>The generated card link previews show when the page has no raster picture; the site's when null.</summary>
    public SharingCard? Card { get; set; }

    public string OpenGraphType { get; set; } = "website";

    /// <summary>Pages search engines should not list, such as search results.</summary>
    public bool NoIndex { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ModifiedAt { get; set; }
    public string? AuthorName { get; set; }

    /// <summary>The site path of the author's profile, e.g. /authors/wren.</summary>
    public string? AuthorPath { get; set; }

    /// <summary>An article's community.</summary>
    public string? Section { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>An article's labels: how it was made and its content warnings.</summary>
    public StoryLabelSet Labels { get; set; } = StoryLabelSet.None;
    public int? WordCount { get; set; }

    /// <summary>Feeds of this page besides the site's own, announced as alternates.</summary>
    public List<FeedLink> Feeds { get; } = [];

    /// <summary>The ActivityPub id of what the page shows (a creator, a community, a story), announced as an alternate.</summary>
    public string? ActivityPubId { get; set; }

    public bool IsArticle => OpenGraphType == "article";

    public void AddFeeds(string title, string pathPrefix) => Feeds.Add(new FeedLink(title, pathPrefix));
}

/// <summary>A place's feeds: {PathPrefix}/feed.xml (RSS) and {PathPrefix}/feed.atom (Atom).</summary>
public sealed record FeedLink(string Title, string PathPrefix)
{
    public string RssPath => $"{PathPrefix}/feed.xml";
    public string AtomPath => $"{PathPrefix}/feed.atom";
}
