using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

/// <summary>An open report as the list shows it; FromHost is the server a report sent as a Flag came from.</summary>
public sealed record OpenReport(
    int Id, int StoryId, string StoryTitle, string StoryUrl, StoryStatus StoryStatus, string ReporterName, string? FromHost, ReportReason Reason, string Details,
    DateTime ReportedAt);

[Authorize(Policy = Policies.Moderate)]
public sealed class ReportsModel(FolioDb db, StoryWorkflow workflow, IAuthorizationService authorization, AuditLog audit, TimeProvider clock, PageHead head) : PageModel
{
    public PagedList<OpenReport> Reports { get; private set; } = null!;
    public ModerationTabs Tabs { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Reports";
        Reports = await db.StoryReports.Where(r => r.ResolvedAt == null)
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Select(r => new OpenReport(r.Id, r.StoryId, r.Story.Title, StoryLinks.Path(r.Story.Community.Slug, r.Story.Slug), r.Story.Status,
                r.Reporter.DisplayName, db.RemoteActors.Where(a => a.Id == r.RemoteActorId).Select(a => a.Host).FirstOrDefault(), r.Reason, r.Details, r.ReportedAt))
            .ToPagedListAsync(PageNumber, 25, cancellationToken);
        Tabs = await ModerationTabs.LoadAsync(db, "reports", cancellationToken);
    }

    public Task<IActionResult> OnPostDismissAsync(int id, CancellationToken cancellationToken) =>
        ResolveAsync(id, ReportResolution.Dismissed, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken cancellationToken) =>
        ResolveAsync(id, ReportResolution.Unpublished, cancellationToken);

    private async Task<IActionResult> ResolveAsync(int id, ReportResolution resolution, CancellationToken cancellationToken)
    {
        var report = await db.StoryReports.Include(r => r.Story).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var moderatorId = User.UserId();
        (report.ResolvedAt, report.ResolvedById, report.Resolution) = (now, moderatorId, resolution);
        if (resolution == ReportResolution.Unpublished)
        {
            // One decision answers every open report about the same story.
            var others = await db.StoryReports.Where(r => r.StoryId == report.StoryId && r.ResolvedAt == null).ToListAsync(cancellationToken);
            others.ForEach(r => (r.ResolvedAt, r.ResolvedById, r.Resolution) = (now, moderatorId, resolution));

            // The workflow saves the reports with the story; a story already offline leaves only the reports to save.
            var story = await db.Stories.ForWorkflow().FirstAsync(s => s.Id == report.StoryId, cancellationToken);
            var moderator = await StoryActor.ReadAsync(User, authorization);
            await audit.RecordAsync(AuditActions.StoryDecision, "story", story.Id.ToString(), $"Unpublished “{story.Title}” after a report",
                new { status = story.Status.ToString(), openReports = others.Count }, new { status = nameof(StoryStatus.Unpublished), openReports = 0 },
                cancellationToken);
            if (!(await workflow.ChangeAsync(moderator, story, input: null, StoryAction.Unpublish, cancellationToken)).Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        else
        {
            await audit.RecordAsync(AuditActions.ReportDismiss, "story", report.StoryId.ToString(), $"Dismissed a report on “{report.Story.Title}”",
                new { report = "Open" }, new { report = "Dismissed" }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        StatusMessage = resolution == ReportResolution.Unpublished
            ? $"“{report.Story.Title}” is unpublished and its reports are closed."
            : "Report dismissed.";
        return RedirectToPage();
    }
}
