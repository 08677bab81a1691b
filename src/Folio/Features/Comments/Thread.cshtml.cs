using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Audit;
using Folio.Features.Standing;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

/// <summary>
/// One comment with its replies ("Continue this thread"), and the changes people make to a comment: its author
/// deletes it, the story's author hides or unhides it, a moderator removes it. Who may is part of each query.
/// </summary>
public sealed class CommentThreadModel(
    FolioDb db, CommentLoader comments, IAuthorizationService authorization, AccountStandings standings, AuditLog audit, TimeProvider clock, PageHead head)
    : PageModel
{
    public CommentStory Story { get; private set; } = null!;
    public CommentContext Context { get; private set; } = null!;
    public IReadOnlyList<CommentView> Threads { get; private set; } = [];
    public CommentForm? Form { get; private set; }
    public string StoryCommentsUrl { get; private set; } = "";
    public string? ParentUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? replyTo, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().Include(c => c.Story).ThenInclude(s => s.Community).Include(c => c.Author)
            .FirstOrDefaultAsync(c => c.Id == id && db.Stories.Published().Any(s => s.Id == c.StoryId), cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        Story = CommentStory.Of(comment.Story);
        var tree = await comments.TreeAsync(Story.Id, cancellationToken);
        Threads = await comments.ThreadAsync(tree, id, cancellationToken);
        Context = new CommentContext(Story, await comments.ViewerAsync(User, Story.AuthorId), $"/comments/{id}");
        if (replyTo is not null && Context.Viewer.SignedIn && Story.CommentsEnabled)
        {
            Form = await comments.FormAsync(Story, replyTo, Context.PageUrl, cancellationToken);
        }

        StoryCommentsUrl = comments.Location(tree, tree.AncestorAt(id, 1), Story.Url);
        ParentUrl = comment.ParentId is { } parentId ? comments.Location(tree, parentId, Story.Url) : null;
        var remote = await db.RemoteActors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == comment.RemoteActorId, cancellationToken);
        head.Title = comment.IsVisible ? $"{remote?.DisplayName ?? comment.Author.DisplayName} on “{Story.Title}”" : $"A thread on “{Story.Title}”";
        return Page();
    }

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(db.Comments.Where(c => c.Id == id && c.AuthorId == UserId), c => c.Delete(Now), cancellationToken);

    public Task<IActionResult> OnPostHideAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(db.Comments.Where(c => c.Id == id && c.Story.AuthorId == UserId), c => c.Hide(Now), cancellationToken);

    public Task<IActionResult> OnPostUnhideAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(db.Comments.Where(c => c.Id == id && c.Story.AuthorId == UserId), c => c.Unhide(), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && !(await authorization.AuthorizeAsync(User, Policies.Moderate)).Succeeded)
        {
            return Forbid();
        }

        return await ChangeAsync(db.Comments.Where(c => c.Id == id), c => db.RemoveAsync(audit, c, UserId!, Now, cancellationToken), cancellationToken);
    }

    private string? UserId => User.UserId();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<IActionResult> ChangeAsync(IQueryable<Comment> query, Action<Comment> change, CancellationToken cancellationToken) =>
        ChangeAsync(query, c =>
        {
            change(c);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(IQueryable<Comment> query, Func<Comment, Task> change, CancellationToken cancellationToken)
    {
        if (UserId is null)
        {
            return Challenge();
        }

        if (await standings.RefusalForAsync(User, cancellationToken) is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden); // the error page says why
        }

        var comment = await query.Include(c => c.Story).ThenInclude(s => s.Community)
            .Where(c => db.Stories.Published().Any(s => s.Id == c.StoryId))
            .FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        await change(comment);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(await comments.LocationAsync(comment.StoryId, comment.Id, CommentStory.Of(comment.Story).Url, cancellationToken));
    }
}
