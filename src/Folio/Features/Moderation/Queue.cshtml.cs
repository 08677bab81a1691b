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

public sealed record QueuedStory(
    int Id, string Title, string Subtitle, string CommunityName, string AuthorName, string AuthorUsername, DateTime SubmittedAt, int WordCount, bool IsRevision);

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
        var entries = await ReviewQueue.Entries(db).ToPagedListAsync(PageNumber, 25, cancellationToken);
        var ids = entries.Items.Select(e => e.StoryId).ToList();
        // A revision is listed with the title and words it proposes, so the moderator sees what they will read.
        var stories = await db.Stories.Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                Title = s.Revision != null && s.Status == StoryStatus.Published ? s.Revision.Title : s.Title,
                Subtitle = s.Revision != null && s.Status == StoryStatus.Published ? s.Revision.Subtitle : s.Subtitle,
                CommunityName = s.Community.Name,
                AuthorName = s.Author.DisplayName,
                AuthorUsername = s.Author.UserName!,
                WordCount = s.Revision != null && s.Status == StoryStatus.Published ? s.Revision.WordCount : s.WordCount,
            })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        Stories = entries.WithItems<QueuedStory>(
            [.. from e in entries.Items
                where stories.ContainsKey(e.StoryId)
                let s = stories[e.StoryId]
                select new QueuedStory(s.Id, s.Title, s.Subtitle, s.CommunityName, s.AuthorName, s.AuthorUsername, e.SubmittedAt, s.WordCount, e.IsRevision)]);
        Tabs = await ModerationTabs.LoadAsync(db, "queue", cancellationToken);
    }
}
