using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Moderation;

public enum ReviewDecision
{
    Approved,
    SentBack,
}

/// <summary>A moderator's decision on a submitted story; the latest one explains a sent-back story to its author.</summary>
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
}
