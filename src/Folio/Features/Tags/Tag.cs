using Folio.Features.Stories;

namespace Folio.Features.Tags;

public sealed class Tag
{
    public int Id { get; private set; }

    /// <summary>The normalised form used in /tags/{slug}; "Slow Living" and "slow-living" are one tag.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>Published stories with this tag, kept by <see cref="PublishedStoryCounts"/> with every save.</summary>
    public int StoryCount { get; private set; }

    public List<Story> Stories { get; set; } = [];
}
