using System.ComponentModel.DataAnnotations;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Curation;

/// <summary>
/// A moderator marks a published story a Top story, with a short note on why, or takes it off the list.
/// The story page carries the same form for moderators; this page answers its posts and shows its errors.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class CurateStoryModel(FolioDb db, TimeProvider clock, PageHead head) : PageModel
{
    public const int NoteMaxLength = 280;

    public Story Story { get; private set; } = null!;
    public string StoryUrl => StoryLinks.Path(Story);

    [BindProperty]
    [Required(ErrorMessage = "Say in a sentence or two why you picked it; readers see the note with the story.")]
    [StringLength(NoteMaxLength, ErrorMessage = "Keep the note to 280 characters.")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Note = Story.TopStoryNote;
        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Story.MarkTopStory(Note!.Trim(), User.RequiredUserId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(StoryUrl + "#top-story");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Story.UnmarkTopStory();
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(StoryUrl);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return false;
        }

        Story = story;
        head.Title = $"Top story: “{story.Title}”";
        return true;
    }
}
