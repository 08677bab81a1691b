namespace Folio.Features.Api;

/// <summary>A creator's series; `partCount` counts the parts readers can see.</summary>
public sealed record ApiSeriesSummary(int Id, string Slug, string Title, string Description, string? CoverUrl, string? CoverAltText, string Url, int PartCount);

/// <summary>A series with its parts readers can see, in order, numbered among themselves.</summary>
public sealed record ApiSeries(
    int Id, string Slug, string Title, string Description, string? CoverUrl, string? CoverAltText, string Url, string Author,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ApiSeriesPart> Parts);

public sealed record ApiSeriesPart(int Number, int StoryId, string Title, string Url, DateTime PublishedAt);

/// <summary>`title` is required; `slug` defaults to one made from the title. On a change, a field left out keeps its value.</summary>
public sealed record SeriesRequest(string? Title, string? Slug, string? Description, string? CoverAltText);

/// <summary>One of your stories to add; it becomes the last part, or goes to `position` (1 is first).</summary>
public sealed record SeriesPartRequest(int StoryId, int? Position);
