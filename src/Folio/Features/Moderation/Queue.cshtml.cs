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
    public ModerationTabs Tabs { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Moderation queue";
        Stories = await db.Stories
            .ReviewQueue()
            .Select(s => new QueuedStory(s.Id, s.Title, s.Subtitle, s.Community.Name, s.Author.DisplayName, s.Author.UserName!, s.SubmittedAt!.Value, s.WordCount))
            .ToPagedListAsync(PageNumber, 25, cancellationToken);
        Tabs = await ModerationTabs.LoadAsync(db, "queue", cancellationToken);
    }
}
