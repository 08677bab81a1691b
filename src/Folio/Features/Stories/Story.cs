using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Labels;
using Folio.Features.Series;
using Folio.Features.Tags;

namespace Folio.Features.Stories;

public sealed class Story
{
    public int Id { get; private set; }
    public int CommunityId { get; set; }
    public Community Community { get; set; } = null!;
    public required string AuthorId { get; set; }
    public FolioUser Author { get; set; } = null!;

    public required string Title { get; set; }
    public required string Subtitle { get; set; }
    public required string Slug { get; set; }

    public string BodyMarkdown { get; private set; } = "";

    /// <summary>Rendered and sanitised once, when the body is set; pages serve it as is.</summary>
    public string BodyHtml { get; private set; } = "";

    public int WordCount { get; private set; }
    public int ReadingMinutes { get; private set; }
    public StoryStatus Status { get; private set; } = StoryStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>When the story last entered the review queue; the queue is served oldest first.</summary>
    public DateTime? SubmittedAt { get; private set; }

    public string? HeroImageUrl { get; set; }

    /// <summary>What the hero shows, for readers who can't see it; required before readers see a story with a hero.</summary>
    public string? HeroAltText { get; set; }

    public string? HeroCaption { get; set; }

    /// <summary>Where an imported story came from ("ghost:{post id}", "markdown:{file}"), so importing again finds it.</summary>
    public string? ImportKey { get; set; }
    public bool CommentsEnabled { get; set; } = true;

    /// <summary>The series this story is a part of, if any (<see cref="StorySeries"/>); its place there is <see cref="SeriesPosition"/>.</summary>
    public int? SeriesId { get; set; }

    public StorySeries? Series { get; set; }
    public int? SeriesPosition { get; set; }

    public StoryMaking Making { get; set; }
    public ContentWarnings Warnings { get; set; }

    /// <summary>A warning in the creator's own words, beside or instead of the fixed list.</summary>
    public string? WarningNote { get; set; }

    /// <summary>Why a moderator last changed the labels, shown to the author; null when the labels are the author's own.</summary>
    public string? LabelsCorrectionReason { get; private set; }

    public DateTime? LabelsCorrectedAt { get; private set; }

    public StoryLabelSet Labels => new(Making, Warnings, WarningNote);

    /// <summary>The author's labels; a moderator's earlier correction stays on record for them until they change it.</summary>
    public void Label(StoryLabelSet labels)
    {
        if (labels != Labels)
        {
            (LabelsCorrectionReason, LabelsCorrectedAt) = (null, null);
        }

        (Making, Warnings, WarningNote) = (labels.Making, labels.Warnings, labels.WarningNote);
    }

    /// <summary>A moderator's correction, with the reason the author is shown.</summary>
    public void CorrectLabels(StoryLabelSet labels, string reason, DateTime at)
    {
        (Making, Warnings, WarningNote) = (labels.Making, labels.Warnings, labels.WarningNote);
        (LabelsCorrectionReason, LabelsCorrectedAt) = (reason, at);
    }

    /// <summary>Set when a moderator marks the story a Top story; the note says why.</summary>
    public DateTime? TopStoryAt { get; private set; }

    public string? TopStoryNote { get; private set; }
    public string? TopStoryById { get; private set; }

    /// <summary>Set while its creator pins it to the top of their profile (Features/Pins); the newest pin shows first.</summary>
    public DateTime? ProfilePinnedAt { get; set; }

    /// <summary>Set while an admin pins it to the top of its community's page (Features/Pins).</summary>
    public DateTime? CommunityPinnedAt { get; set; }

    public List<Tag> Tags { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
    public List<ReaderInsight> Insights { get; set; } = [];
    public List<Heart> Hearts { get; set; } = [];

    /// <summary>Changes to this published story that wait for review; readers see the story as it is until they are approved.</summary>
    public StoryRevision? Revision { get; set; }

    public void SetBody(string markdown, RenderedStory rendered)
    {
        BodyMarkdown = markdown;
        BodyHtml = rendered.Html;
        WordCount = rendered.WordCount;
        ReadingMinutes = rendered.ReadingMinutes;
    }

    public void SubmitForReview(DateTime at)
    {
        Status = StoryStatus.Pending;
        SubmittedAt = at;
    }

    /// <summary>Publishing keeps the first publication time, so an unpublished story that returns keeps its date.</summary>
    public void Publish(DateTime at)
    {
        Status = StoryStatus.Published;
        PublishedAt ??= at;
        SubmittedAt = null;
    }

    /// <summary>Ready for readers, but kept from them until its challenge closes; it is published then, with that date.</summary>
    public void Hold()
    {
        Status = StoryStatus.Held;
        SubmittedAt = null;
    }

    public void MarkTopStory(string note, string moderatorId, DateTime at)
    {
        TopStoryNote = note;
        TopStoryById = moderatorId;
        TopStoryAt ??= at;
    }

    public void UnmarkTopStory()
    {
        TopStoryAt = null;
        TopStoryNote = null;
        TopStoryById = null;
    }

    public void SendBack()
    {
        Status = StoryStatus.SentBack;
        SubmittedAt = null;
        Unpin();
    }

    public void Unpublish()
    {
        Status = StoryStatus.Unpublished;
        Unpin();
    }

    public void WithdrawToDraft()
    {
        Status = StoryStatus.Draft;
        SubmittedAt = null;
        Unpin();
    }

    /// <summary>A story readers can no longer see drops out of its pins, so it neither shows nor holds a place when it returns.</summary>
    private void Unpin()
    {
        ProfilePinnedAt = null;
        CommunityPinnedAt = null;
    }
}
