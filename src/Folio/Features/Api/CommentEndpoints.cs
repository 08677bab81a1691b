using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Comments;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class CommentEndpoints
{
    public static RouteGroupBuilder MapCommentEndpoints(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/stories/{id:int}/comments").WithTags("Comments");
        comments.MapGet("", ListAsync).WithName("ListComments")
            .WithSummary("The comments of a published story, oldest first")
            .WithDescription("Every comment, replies included (`parentId` says which comment one answers), paged with `cursor` and `limit` "
                + "(1–100, default 20). Comments no longer shown keep their place as tombstones: `deleted` true, empty body, no author.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        comments.MapGet("/{commentId:int}", GetAsync).WithName("GetComment")
            .WithSummary("One comment of a published story")
            .ProducesProblem(StatusCodes.Status404NotFound);
        comments.MapPost("", PostAsync).WithName("PostComment").RequireAuthorization(Policies.Write).WithSmallBody()
            .WithSummary("Comment on a story, or reply to one of its comments")
            .WithDescription("`body` is Markdown (links, emphasis, code, quotes), 1–5,000 characters. `parentId` replies to a comment shown "
                + "on the same story. 403 when the creator turned comments off; 429 when you comment faster than the site allows.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        comments.MapDelete("/{commentId:int}", DeleteAsync).WithName("DeleteComment").RequireAuthorization(Policies.Write)
            .WithSummary("Delete a comment")
            .WithDescription("Your own comment; moderators may remove anyone's. Its text goes for good and it stays in the thread as a tombstone, "
                + "so replies keep their place.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<CursorPage<ApiComment>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int id, string? cursor, int? limit, FolioDb db, CommentLoader loader, SiteUrls urls, CancellationToken cancellationToken)
    {
        var (request, problem) = ApiPageRequest.Read(cursor, limit);
        if (request is null)
        {
            return problem!;
        }

        if (await StoryAsync(db, id, cancellationToken) is not { } story)
        {
            return NoSuchStory(id);
        }

        // Oldest first, as a conversation reads, so the cursor moves forward in time.
        var query = db.Comments.AsNoTracking().Where(c => c.StoryId == id);
        if (request.After is { } after)
        {
            query = query.Where(c => c.CreatedAt > after.At || (c.CreatedAt == after.At && c.Id > after.Id));
        }

        var rows = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(request.Limit + 1).ToApiRows(db).ToListAsync(cancellationToken);
        var tree = await loader.TreeAsync(id, cancellationToken);
        return TypedResults.Ok(request.ToPage(rows, row => new ApiCursor(row.CreatedAt, row.Id),
            row => row.ToApi(urls, loader.Location(tree, row.Id, story.Url))));
    }

    private static async Task<Results<Ok<ApiComment>, ProblemHttpResult>> GetAsync(
        int id, int commentId, FolioDb db, CommentLoader loader, SiteUrls urls, CancellationToken cancellationToken)
    {
        if (await StoryAsync(db, id, cancellationToken) is not { } story)
        {
            return NoSuchStory(id);
        }

        return await LoadAsync(db, loader, urls, story, commentId, cancellationToken) is { } comment
            ? TypedResults.Ok(comment)
            : NoSuchComment(id, commentId);
    }

    private static async Task<Results<Created<ApiComment>, ValidationProblem, ProblemHttpResult>> PostAsync(
        int id, PostCommentRequest request, HttpContext http, FolioDb db, CommentPosting posting, CommentLoader loader, SiteUrls urls,
        CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return NoSuchStory(id);
        }

        var posted = await posting.PostAsync(story, http.User.RequiredUserId(), request.Body, request.ParentId, cancellationToken);
        if (posted.Comment is not { } comment)
        {
            return posted.Refusal switch
            {
                CommentRefusal.CommentsOff => TypedResults.Problem(posted.Message, statusCode: StatusCodes.Status403Forbidden,
                    title: "Comments are turned off for this story"),
                CommentRefusal.RateLimited => RateLimited(http, posted.RetryAfter),
                CommentRefusal.ParentGone => ApiProblems.Invalid("parentId",
                    $"Comment {request.ParentId} is not shown on this story, so it can't take replies. Leave parentId out to post a top-level comment."),
                _ => ApiProblems.Invalid("body", posted.Message!),
            };
        }

        var created = await LoadAsync(db, loader, urls, CommentStory.Of(story), comment.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/stories/{id}/comments/{comment.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int id, int commentId, HttpContext http, FolioDb db, IAuthorizationService authorization, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(
            c => c.Id == commentId && c.StoryId == id && db.Stories.Published().Any(s => s.Id == c.StoryId), cancellationToken);
        if (comment is null)
        {
            return NoSuchComment(id, commentId);
        }

        var userId = http.User.RequiredUserId();
        var now = clock.GetUtcNow().UtcDateTime;
        if (comment.AuthorId == userId)
        {
            comment.Delete(now);
        }
        else if ((await authorization.AuthorizeAsync(http.User, Policies.Moderate)).Succeeded)
        {
            await db.RemoveAsync(audit, comment, userId, now, cancellationToken);
        }
        else
        {
            return ApiProblems.Forbidden("You can delete only your own comments.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<CommentStory?> StoryAsync(FolioDb db, int id, CancellationToken cancellationToken) =>
        db.Stories.Published().Where(s => s.Id == id)
            .Select(s => new CommentStory(s.Id, s.Title, StoryLinks.Path(s.Community.Slug, s.Slug), s.AuthorId, s.CommentsEnabled))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<ApiComment?> LoadAsync(
        FolioDb db, CommentLoader loader, SiteUrls urls, CommentStory story, int commentId, CancellationToken cancellationToken)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.StoryId == story.Id).ToApiRows(db).FirstOrDefaultAsync(cancellationToken);
        return row?.ToApi(urls, await loader.LocationAsync(story.Id, row.Id, story.Url, cancellationToken));
    }

    private static ProblemHttpResult NoSuchStory(int id) =>
        ApiProblems.NotFound($"There is no published story with id {id}.");

    private static ProblemHttpResult NoSuchComment(int id, int commentId) =>
        ApiProblems.NotFound($"Story {id} has no comment {commentId}, or the story is not published.");

    private static ProblemHttpResult RateLimited(HttpContext http, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
        http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(CommentMessages.RateLimited, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many comments");
    }
}
