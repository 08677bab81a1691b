using Folio.Features.Labels;

namespace Folio.Features.Feeds;

/// <summary>One feed before it is written as RSS or Atom. Paths are site-relative; the writer makes them absolute.</summary>
public sealed record Feed(string Title, string Description, string PagePath, string FeedPathPrefix, IReadOnlyList<FeedEntry> Entries);

public sealed record FeedEntry(
    int Id,
    string Title,
    string Subtitle,
    string Path,
    string BodyHtml,
    DateTime CreatedAt,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string AuthorName,
    string AuthorUsername,
    IReadOnlyList<string> Tags,
    StoryLabelSet Labels)
{
    /// <summary>A story saved before it was approved has an update time earlier than its publication.</summary>
    public DateTime LastChangedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}

public enum FeedFormat
{
    Rss,
    Atom,
}

public static class FeedFormats
{
    public static string FileName(this FeedFormat format) => format == FeedFormat.Rss ? "feed.xml" : "feed.atom";

    public static string ContentType(this FeedFormat format) =>
        format == FeedFormat.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
}
