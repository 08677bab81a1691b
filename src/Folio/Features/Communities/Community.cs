namespace Folio.Features.Communities;

public sealed class Community
{
    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Tagline { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>A #rrggbb colour, validated on save because it is written into a stylesheet.</summary>
    public string AccentColor { get; set; } = "#3d5560";

    public string? LogoUrl { get; set; }
    public int MinimumWords { get; set; } = 100;
    public DateTime CreatedAt { get; set; }

    /// <summary>Markdown shown to writers in the editor when they choose this community.</summary>
    public string Rules { get; set; } = "";

    /// <summary>Off: a writer's submission here publishes at once, as a trusted writer's would.</summary>
    public bool SubmissionsNeedReview { get; set; } = true;

    /// <summary>Set while archived: its stories stay readable, new submissions are refused.</summary>
    public DateTime? ArchivedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Published stories in this community, kept by <see cref="Folio.Features.Stories.PublishedStoryCounts"/> with every save.</summary>
    public int StoryCount { get; private set; }
}
