using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

/// <summary>The moderation tabs and how much waits behind each; every moderation page shows them.</summary>
public sealed record ModerationTabs(string Current, int QueueLength, int OpenReports, int OpenCommentReports)
{
    public static async Task<ModerationTabs> LoadAsync(FolioDb db, string current, CancellationToken cancellationToken) => new(
        current,
        await ReviewQueue.LengthAsync(db, cancellationToken),
        await db.StoryReports.CountAsync(r => r.ResolvedAt == null, cancellationToken),
        await db.CommentReports.CountAsync(r => r.ResolvedAt == null, cancellationToken));
}
