using Folio.Features.Creators;
using Folio.Features.Moderation;

namespace Folio.Features.Comments;

/// <summary>A signed-in reader's report that a comment breaks the rules.</summary>
public sealed class CommentReport
{
    public int Id { get; private set; }
    public int CommentId { get; set; }
    public Comment Comment { get; set; } = null!;
    public required string ReporterId { get; set; }
    public FolioUser Reporter { get; set; } = null!;
    public ReportReason Reason { get; set; }
    public string Details { get; set; } = "";
    public DateTime ReportedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
    public ReportResolution? Resolution { get; set; }

    /// <summary>The remote actor whose server sent this report as a Flag (reported by the fediverse account). No foreign key: SQLite would rebuild the table to add one.</summary>
    public int? RemoteActorId { get; set; }
}
