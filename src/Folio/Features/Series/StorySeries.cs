using Folio.Features.Creators;

namespace Folio.Features.Series;

/// <summary>
/// A creator's stories read in order. A story is in at most one series (<see cref="Stories.Story.SeriesId"/>, its place
/// in <see cref="Stories.Story.SeriesPosition"/>); taking a story out, or deleting the series, keeps the story.
/// </summary>
public sealed class StorySeries
{
    public int Id { get; private set; }
    public required string AuthorId { get; set; }
    public FolioUser Author { get; set; } = null!;
    public required string Title { get; set; }

    /// <summary>Unique among the author's series: /authors/{username}/series/{slug}.</summary>
    public required string Slug { get; set; }

    public string Description { get; set; } = "";
    public string? CoverImageUrl { get; set; }
    public string? CoverAltText { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Moves with every change to the series and to its parts, so its cached pages are evicted with it.</summary>
    public DateTime UpdatedAt { get; set; }

    public string Path(string username) => SeriesLinks.Path(username, Slug);
}
