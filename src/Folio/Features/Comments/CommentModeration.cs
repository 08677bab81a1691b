using Folio.Data;
using Folio.Features.Audit;
using Folio.Features.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

public static class CommentModeration
{
    /// <summary>
    /// Removes the comment and answers every open report about it with the same decision, and records it in the audit
    /// log (once: removing a removed comment changes nothing); the caller saves.
    /// </summary>
    public static async Task RemoveAsync(this FolioDb db, AuditLog audit, Comment comment, string moderatorId, DateTime at, CancellationToken cancellationToken)
    {
        if (comment.RemovedAt is null)
        {
            var facts = await db.Comments.Where(c => c.Id == comment.Id)
                .Select(c => new
                {
                    Author = db.RemoteActors.Where(a => a.Id == c.RemoteActorId).Select(a => a.PreferredUsername + "@" + a.Host).FirstOrDefault()
                        ?? c.Author.UserName,
                    Story = c.Story.Title,
                }).FirstAsync(cancellationToken);
            var reports = await db.CommentReports.CountAsync(r => r.CommentId == comment.Id && r.ResolvedAt == null, cancellationToken);
            await audit.RecordAsync(AuditActions.CommentRemove, "comment", comment.Id.ToString(),
                $"Removed a comment by @{facts.Author} on “{facts.Story}”",
                new { state = comment.DeletedAt is not null ? "Deleted" : comment.HiddenAt is not null ? "Hidden" : "Shown", openReports = reports },
                new { state = "Removed", openReports = 0 }, cancellationToken);
        }

        comment.Remove(moderatorId, at);
        var open = await db.CommentReports.Where(r => r.CommentId == comment.Id && r.ResolvedAt == null).ToListAsync(cancellationToken);
        open.ForEach(r => (r.ResolvedAt, r.ResolvedById, r.Resolution) = (at, moderatorId, ReportResolution.Removed));
    }
}
