using System.ComponentModel.DataAnnotations;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

/// <summary>A signed-in reader tells the moderators that someone else's comment breaks the rules.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportCommentModel(FolioDb db, CommentLoader comments, TimeProvider clock, PageHead head) : PageModel
{
    public Comment Comment { get; private set; } = null!;
    public string CommentUrl { get; private set; } = "";
    public bool AlreadyReported { get; private set; }
    public bool Sent { get; private set; }

    /// <summary>The comment's author as readers see them: a reader's name, or a fediverse author's name and handle.</summary>
    public string AuthorName { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose what is wrong with the comment.")]
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

        if (Comment.AuthorId == ReaderId)
        {
            ModelState.AddModelError("", "This is your own comment: edit or delete it instead.");
        }
        else if (!Comment.IsVisible)
        {
            ModelState.AddModelError("", "This comment is no longer shown, so there is nothing left to report.");
        }

        if (Reason == ReportReason.Other && string.IsNullOrWhiteSpace(Details))
        {
            ModelState.AddModelError(nameof(Details), "You chose “Something else”: tell the moderators what is wrong.");
        }

        if (!ModelState.IsValid || AlreadyReported)
        {
            return Page();
        }

        db.CommentReports.Add(new CommentReport
        {
            CommentId = Comment.Id,
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
        var comment = await db.Comments.Include(c => c.Author).Include(c => c.Story).ThenInclude(s => s.Community)
            .Where(c => db.Stories.Published().Any(s => s.Id == c.StoryId))
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return false;
        }

        Comment = comment;
        AuthorName = await db.RemoteActors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == comment.RemoteActorId, cancellationToken) is { } remote
            ? $"{remote.DisplayName} ({remote.Handle})"
            : comment.Author.DisplayName;
        CommentUrl = await comments.LocationAsync(comment.StoryId, comment.Id, CommentStory.Of(comment.Story).Url, cancellationToken);
        AlreadyReported = await db.CommentReports.AnyAsync(r => r.CommentId == id && r.ReporterId == ReaderId && r.ResolvedAt == null, cancellationToken);
        head.Title = "Report a comment";
        return true;
    }
}
