using System.ComponentModel.DataAnnotations;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

/// <summary>A signed-in reader tells the moderators that a published story breaks the rules.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportModel(FolioDb db, TimeProvider clock, PageHead head) : PageModel
{
    public Story Story { get; private set; } = null!;
    public bool AlreadyReported { get; private set; }
    public bool Sent { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose what is wrong with the story.")]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Keep the details under 2,000 characters.")]
    public string? Details { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Story.AuthorId == ReaderId)
        {
            ModelState.AddModelError("", "This is your own story: unpublish or edit it from your dashboard instead.");
        }

        if (Reason == ReportReason.Other && string.IsNullOrWhiteSpace(Details))
        {
            ModelState.AddModelError(nameof(Details), "You chose “Something else”: tell the moderators what is wrong.");
        }

        if (!ModelState.IsValid || AlreadyReported)
        {
            return Page();
        }

        db.StoryReports.Add(new StoryReport
        {
            StoryId = Story.Id,
            ReporterId = ReaderId,
            Reason = Reason!.Value,
            Details = Details?.Trim() ?? "",
            ReportedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        Sent = true;
        return Page();
    }

    private string ReaderId => User.RequiredUserId();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return false;
        }

        Story = story;
        AlreadyReported = await db.StoryReports.AnyAsync(r => r.StoryId == id && r.ReporterId == ReaderId && r.ResolvedAt == null, cancellationToken);
        head.Title = $"Report “{story.Title}”";
        return true;
    }
}
