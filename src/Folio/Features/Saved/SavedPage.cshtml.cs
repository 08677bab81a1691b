using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Saved;

public sealed record SavedItem(StoryCard Story, DateTime SavedAt);

/// <summary>/saved: the stories the reader saved for later, the last saved first. Only theirs, never cached, never counted for anyone.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SavedPage(FolioDb db, PageHead head) : PageModel
{
    public const string Path = "/saved";

    public PagedList<SavedItem> Stories { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Where a Remove button comes back to: this page, unless it was the last story on it.</summary>
    public string ReturnUrl => Stories.Page > 1 ? $"{Path}?page={Stories.Page}" : Path;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredUserId();
        // A story unpublished since it was saved waits here unseen, and comes back if it is published again.
        var page = await db.SavedStories.Where(s => s.UserId == me)
            .Where(s => s.Story.Status == StoryStatus.Published && s.Story.PublishedAt != null)
            .OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.StoryId)
            .Select(s => new { s.StoryId, s.SavedAt })
            .ToPagedListAsync(PageNumber, cancellationToken: cancellationToken);
        if (page.IsPastEnd)
        {
            // The last story of the last page was just removed: show the page before it.
            return Redirect(page.TotalPages > 1 ? $"{Path}?page={page.TotalPages}" : Path);
        }

        var cards = await db.Stories.AsNoTracking().CardsInOrderAsync([.. page.Items.Select(s => s.StoryId)], cancellationToken);
        var savedAt = page.Items.ToDictionary(s => s.StoryId, s => s.SavedAt);
        Stories = page.WithItems<SavedItem>([.. cards.Select(card => new SavedItem(card, savedAt[card.Id]))]);

        head.Title = "Saved stories";
        head.Description = "The stories you saved to read later.";
        head.NoIndex = true;
        return Page();
    }
}
