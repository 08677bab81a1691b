using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Comments;

/// <summary>Its author changes a comment in the first minutes after posting; afterwards it shows "edited".</summary>
[Authorize(Policy = Policies.Write)]
public sealed class EditCommentModel(FolioDb db, CommentLoader comments, IOptions<CommentOptions> options, TimeProvider clock, PageHead head) : PageModel
{
    public Comment Comment { get; private set; } = null!;
    public string CommentUrl { get; private set; } = "";
    public string? Error { get; private set; }
    public bool Editable { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Body = Comment.Body;
        Error = Editable ? null : TooLate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var body = CommentMessages.Normalise(Body);
        Error = Editable ? CommentMessages.Problem(body) : TooLate;
        if (Error is not null)
        {
            return Page();
        }

        Comment.Edit(body, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(CommentUrl);
    }

    private string TooLate => CommentMessages.NotEditableAfter(options.Value.EditMinutes);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var authorId = User.UserId();
        var comment = await db.Comments.Include(c => c.Story).ThenInclude(s => s.Community)
            .Where(c => db.Stories.Published().Any(s => s.Id == c.StoryId))
            .FirstOrDefaultAsync(c => c.Id == id && c.AuthorId == authorId, cancellationToken);
        if (comment is null)
        {
            return false;
        }

        Comment = comment;
        CommentUrl = await comments.LocationAsync(comment.StoryId, comment.Id, CommentStory.Of(comment.Story).Url, cancellationToken);
        Editable = comment.IsEditableAt(clock.GetUtcNow().UtcDateTime, options.Value.EditWindow);
        head.Title = "Edit your comment";
        return true;
    }
}
