using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Moderation;

public enum ReportReason
{
    Spam,
    Harassment,
    HateOrViolence,
    SexualContent,
    Misinformation,
    Plagiarism,
    Other,
}

public enum ReportResolution
{
    Dismissed,
    Unpublished,

    /// <summary>A reported comment was removed by a moderator.</summary>
    Removed,
}

/// <summary>A reader's report that a published story breaks the rules.</summary>
public sealed class StoryReport
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string ReporterId { get; set; }
    public FolioUser Reporter { get; set; } = null!;
    public ReportReason Reason { get; set; }
    public string Details { get; set; } = "";
    public DateTime ReportedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    public ReportResolution? Resolution { get; set; }

    /// <summary>For a report that came from another server as a Flag: the remote actor who sent it (the reporter is the fediverse account).</summary>
    public int? RemoteActorId { get; set; }
}
