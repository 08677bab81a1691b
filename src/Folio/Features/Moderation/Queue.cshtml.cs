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

public sealed record QueuedStory(int Id, string Title, string Subtitle, string CommunityName, string AuthorName, string AuthorUsername, DateTime SubmittedAt, int WordCount);

[Authorize(Policy = Policies.Moderate)]
public sealed class QueueModel(FolioDb db, PageHead head) : PageModel
{
    public PagedList<QueuedStory> Stories { get; private set; } = null!;
    public int OpenReports { get; private set; }
    public ModerationTabs Tabs => new("queue", Stories.TotalCount, OpenReports, OpenCommentReports);
    public int OpenCommentReports { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Moderation queue";
        Stories = await db.Stories
            .Where(s => s.Status == StoryStatus.Pending)
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
            .Select(s => new QueuedStory(s.Id, s.Title, s.Subtitle, s.Community.Name, s.Author.DisplayName, s.Author.UserName!, s.SubmittedAt!.Value, s.WordCount))
            .ToPagedListAsync(PageNumber, 25, cancellationToken);
        OpenReports = await db.StoryReports.CountAsync(r => r.ResolvedAt == null, cancellationToken);
        OpenCommentReports = await db.CommentReports.CountAsync(r => r.ResolvedAt == null, cancellationToken);
    }
}
