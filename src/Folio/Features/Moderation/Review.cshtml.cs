using System.ComponentModel.DataAnnotations;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

[Authorize(Policy = Policies.Moderate)]
public sealed class ReviewModel(FolioDb db, StoryEditor editor, Notifier notifier, TimeProvider clock, PageHead head) : PageModel
{
    public Story Story { get; private set; } = null!;

    [BindProperty]
    public List<ReviewReason> Reasons { get; set; } = [];

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Keep the note under 2,000 characters.")]
    public string? Note { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Story.Status != StoryStatus.Pending)
        {
            return AlreadyDecided();
        }

        await editor.PublishAsync(Story, cancellationToken);
        await notifier.ReviewDecidedAsync(Story, Record(ReviewDecision.Approved), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Approved: “{Story.Title}” is live.";
        return RedirectToPage("/Moderation/Queue");
    }

    public async Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Story.Status != StoryStatus.Pending)
        {
            return AlreadyDecided();
        }

        if (Reasons.Count == 0)
        {
            ModelState.AddModelError(nameof(Reasons), "Choose at least one reason, so the author knows what to fix.");
        }

        if (Reasons.Contains(ReviewReason.Other) && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "You chose “Other”: say what the author should change.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Story.SendBack();
        await notifier.ReviewDecidedAsync(Story, Record(ReviewDecision.SentBack), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Sent back: the author of “{Story.Title}” will see your reasons.";
        return RedirectToPage("/Moderation/Queue");
    }

    private IActionResult AlreadyDecided()
    {
        StatusMessage = $"“{Story.Title}” is no longer waiting for review; someone may have decided already.";
        return RedirectToPage("/Moderation/Queue");
    }

    private StoryReview Record(ReviewDecision decision) => db.StoryReviews.Add(new StoryReview
    {
        StoryId = Story.Id,
        ModeratorId = User.RequiredUserId(),
        Decision = decision,
        Reasons = decision == ReviewDecision.SentBack ? ReviewReasons.Encode(Reasons) : "",
        Note = Note?.Trim() ?? "",
        DecidedAt = clock.GetUtcNow().UtcDateTime,
    }).Entity;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Include(s => s.Community).Include(s => s.Author).Include(s => s.Tags)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return false;
        }

        Story = story;
        head.Title = $"Review “{story.Title}”";
        return true;
    }
}
