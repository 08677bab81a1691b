using Folio.Features.Communities;
using Folio.Features.Labels;

namespace Folio.Features.Transfer;

/// <summary>A story read from another platform's files, before the site's rules are applied to it.</summary>
public sealed class ImportedStory
{
    /// <summary>How the report names it: a file path, or a Ghost post's title and slug.</summary>
    public required string Source { get; init; }

    public required string ImportKey { get; init; }
    public required string Title { get; init; }
    public string Subtitle { get; set; } = "";
    public required Community Community { get; init; }
    public List<string> Tags { get; set; } = [];
    public bool Published { get; set; }

    /// <summary>When it was first published; kept for a story that arrives published.</summary>
    public DateTime? PublishedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>The slug it had before, kept where the community has no story with it, so old links can be mapped.</summary>
    public string? Slug { get; init; }

    public string? HeroImageUrl { get; set; }
    public StoryLabelSet Labels { get; init; } = StoryLabelSet.None;

    /// <summary>The title of the author's series it is a part of (found by its slug, else started), and its place there.</summary>
    public string? Series { get; init; }

    public int? SeriesPart { get; init; }
    public required string BodyMarkdown { get; init; }
}
