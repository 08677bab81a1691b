using Folio.Features.Labels;

namespace Folio.Features.Stories;

public enum RevisionStatus
{
    Pending,
    SentBack,
}

/// <summary>
/// Changes a creator whose stories are reviewed made to a published story. Readers keep seeing the story as it is
/// until a moderator approves the revision; a story has at most one open revision.
/// </summary>
public sealed class StoryRevision
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;

    public required string Title { get; set; }
    public required string Subtitle { get; set; }
    public string BodyMarkdown { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public int WordCount { get; private set; }
    public int ReadingMinutes { get; private set; }
    public string TagNames { get; set; } = "";
    public string? HeroImageUrl { get; set; }
    public string? HeroAltText { get; set; }
    public string? HeroCaption { get; set; }

    public StoryMaking Making { get; set; }
    public ContentWarnings Warnings { get; set; }
    public string? WarningNote { get; set; }

    public StoryLabelSet Labels
    {
        get => new(Making, Warnings, WarningNote);
        set => (Making, Warnings, WarningNote) = (value.Making, value.Warnings, value.WarningNote);
    }

    public RevisionStatus Status { get; private set; } = RevisionStatus.Pending;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the revision last entered the review queue; null while it is sent back.</summary>
    public DateTime? SubmittedAt { get; private set; }

    public StoryVersion Version => new(Title, Subtitle, BodyMarkdown, StoryTagNames.Split(TagNames), HeroImageUrl, HeroAltText, HeroCaption, Labels);

    public RenderedStory Rendered => new(BodyHtml, WordCount, 0, ReadingMinutes);

    public void SetBody(string markdown, RenderedStory rendered)
    {
        BodyMarkdown = markdown;
        BodyHtml = rendered.Html;
        WordCount = rendered.WordCount;
        ReadingMinutes = rendered.ReadingMinutes;
    }

    public void Submit(DateTime at)
    {
        Status = RevisionStatus.Pending;
        SubmittedAt = at;
    }

    public void SendBack()
    {
        Status = RevisionStatus.SentBack;
        SubmittedAt = null;
    }
}
