using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

/// <summary>An open report and the comment it is about; the comment's text only while the comment is shown.</summary>
public sealed record OpenCommentReport(
    int Id, int CommentId, string StoryTitle, string CommentAuthorName, string CommentAuthorHandle, string CommentHtml, CommentState CommentState,
    string ReporterName, string? FromHost, ReportReason Reason, string Details, DateTime ReportedAt);

/// <summary>The "Comments" tab of moderation: reported comments, oldest report first, to dismiss or remove.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class CommentReportsModel(FolioDb db, AuditLog audit, TimeProvider clock, PageHead head) : PageModel
{
    public PagedList<OpenCommentReport> Reports { get; private set; } = null!;
    public ModerationTabs Tabs { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Reported comments";
        // The remote actors (who wrote a reply from the fediverse, who sent a Flag) by left joins, not a subquery per row and column.
        Reports = await (
            from r in db.CommentReports
            where r.ResolvedAt == null
            join remoteAuthor in db.RemoteActors on r.Comment.RemoteActorId equals (int?)remoteAuthor.Id into remoteAuthors
            from author in remoteAuthors.DefaultIfEmpty()
            join remoteSender in db.RemoteActors on r.RemoteActorId equals (int?)remoteSender.Id into remoteSenders
            from sender in remoteSenders.DefaultIfEmpty()
            orderby r.ReportedAt, r.Id
            select new OpenCommentReport(r.Id, r.CommentId, r.Comment.Story.Title,
                author != null ? author.Name ?? author.PreferredUsername ?? author.Host : r.Comment.Author.DisplayName,
                author != null ? "@" + author.PreferredUsername + "@" + author.Host : "@" + r.Comment.Author.UserName,
                r.Comment.DeletedAt == null && r.Comment.HiddenAt == null && r.Comment.RemovedAt == null ? r.Comment.BodyHtml : "",
                r.Comment.RemovedAt != null ? CommentState.Removed : r.Comment.DeletedAt != null ? CommentState.Deleted : r.Comment.HiddenAt != null ? CommentState.Hidden : CommentState.Visible,
                r.Reporter.DisplayName, sender != null ? sender.Host : null, r.Reason, r.Details, r.ReportedAt))
            .ToPagedListAsync(PageNumber, 25, cancellationToken);
        Tabs = await ModerationTabs.LoadAsync(db, "comments", cancellationToken);
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.CommentReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (report.ResolvedAt is null)
        {
            (report.ResolvedAt, report.ResolvedById, report.Resolution) = (Now, ModeratorId, ReportResolution.Dismissed);
            await audit.RecordAsync(AuditActions.ReportDismiss, "comment", report.CommentId.ToString(),
                $"Dismissed a report on comment {report.CommentId}; the comment stays", new { report = "Open" }, new { report = "Dismissed" }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        StatusMessage = "Report dismissed; the comment stays.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.CommentReports.Include(r => r.Comment).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        await db.RemoveAsync(audit, report.Comment, ModeratorId, Now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "Comment removed; its reports are closed.";
        return RedirectToPage();
    }

    private string ModeratorId => User.RequiredUserId();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
