using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Moderation;

public enum ReviewDecision
{
    Approved,
    SentBack,
}

/// <summary>
/// A moderator's decision on a submitted story or on a revision of a published one, with the version that was read, so
/// a resubmission can be compared with what was sent back. The latest one explains a sent-back story to its author.
/// </summary>
public sealed class StoryReview
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string ModeratorId { get; set; }
    public FolioUser Moderator { get; set; } = null!;
    public ReviewDecision Decision { get; set; }
    public string Reasons { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime DecidedAt { get; set; }

    /// <summary>True when the decision was on changes to a published story rather than on the story's first submission.</summary>
    public bool OnRevision { get; set; }

    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? BodyMarkdown { get; set; }
    public string? TagNames { get; set; }
    public string? HeroImageUrl { get; set; }

    /// <summary>What the moderator read; null for decisions recorded before versions were kept.</summary>
    public StoryVersion? Version => Title is null || Subtitle is null || BodyMarkdown is null
        ? null
        : new StoryVersion(Title, Subtitle, BodyMarkdown, StoryTagNames.Split(TagNames), HeroImageUrl);

    public void Keep(StoryVersion version)
    {
        (Title, Subtitle, BodyMarkdown, TagNames, HeroImageUrl) =
            (version.Title, version.Subtitle, version.BodyMarkdown, StoryTagNames.Join(version.Tags), version.HeroImageUrl);
    }
}
