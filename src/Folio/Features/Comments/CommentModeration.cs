using Folio.Data;
using Folio.Features.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

public static class CommentModeration
{
    /// <summary>Removes the comment and answers every open report about it with the same decision; the caller saves.</summary>
    public static async Task RemoveAsync(this FolioDb db, Comment comment, string moderatorId, DateTime at, CancellationToken cancellationToken)
    {
        comment.Remove(moderatorId, at);
        var reports = await db.CommentReports.Where(r => r.CommentId == comment.Id && r.ResolvedAt == null).ToListAsync(cancellationToken);
        reports.ForEach(r => (r.ResolvedAt, r.ResolvedById, r.Resolution) = (at, moderatorId, ReportResolution.Removed));
    }
}
