using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

/// <summary>
/// Posts a comment or a reply and sends the reader to it. A refused post comes back here, saying what to fix,
/// with the text still in the box; without JavaScript this page is also the comment box on its own.
/// </summary>
[Authorize(Policy = Policies.Write)]
public sealed class WriteCommentModel(FolioDb db, CommentLoader comments, CommentPosting posting, PageHead head) : PageModel
{
    public CommentStory Story { get; private set; } = null!;
    public CommentForm Form { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public int? ParentId { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by robots that fill in everything.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? replyTo, CancellationToken cancellationToken)
    {
        var story = await LoadAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Form = await comments.FormAsync(Story, replyTo, Story.Url, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var story = await LoadAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        // A reply whose comment has gone since comes back as a new comment, with the text kept.
        var form = await comments.FormAsync(Story, ParentId, Story.Url, cancellationToken) with { Body = Body ?? "" };
        if (story.CommentsEnabled && !string.IsNullOrEmpty(Website))
        {
            return Refuse(form with { Error = CommentMessages.Honeypot });
        }

        var posted = await posting.PostAsync(story, User.RequiredUserId(), Body, ParentId, cancellationToken);
        if (posted.Comment is not { } comment)
        {
            var status = posted.Refusal == CommentRefusal.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
            return Refuse(form with { Error = posted.Message }, status);
        }

        return Redirect(await comments.LocationAsync(story.Id, comment.Id, Story.Url, cancellationToken));
    }

    private PageResult Refuse(CommentForm form, int status = StatusCodes.Status200OK)
    {
        Form = form;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<Story?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // Tracked, with its community: the notifier links to it.
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is not null)
        {
            Story = CommentStory.Of(story);
            head.Title = $"Comment on “{story.Title}”";
        }

        return story;
    }
}
