using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Api;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Saved;

/// <summary>A story the token's account saved, and when.</summary>
public sealed record ApiSavedStory(DateTime SavedAt, StorySummary Story);

/// <summary>/api/v1/me/saved: the token's own saved stories. Nobody else's, and no counts: saving is private.</summary>
public static class SavedApi
{
    public static RouteGroupBuilder MapSavedApi(this RouteGroupBuilder api)
    {
        var saved = api.MapGroup("/me/saved").WithTags("Saved").RequireAuthorization(Policies.SignedIn);
        saved.MapGet("", ListAsync).WithName("ListSavedStories")
            .WithSummary("Your saved stories, the last saved first")
            .WithDescription("Private to you: nobody else, the author included, sees who saved a story or how many did. Paged with `cursor` and "
                + "`limit` (1–100, default 20). A saved story that is no longer published is left out, and is back if it is published again.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        saved.MapPut("/{storyId:int}", SaveAsync).WithName("SaveStory")
            .WithSummary("Save a published story for later")
            .WithDescription("Saving a story you already saved changes nothing and answers the same, with the time you first saved it. "
                + "404 for an id no published story has.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        saved.MapDelete("/{storyId:int}", RemoveAsync).WithName("RemoveSavedStory")
            .WithSummary("Remove a story from your saved stories")
            .WithDescription("204 when it was saved (even if it has been unpublished since) and when it wasn't; "
                + "404 for an id no published story has, unless you had saved it.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<CursorPage<ApiSavedStory>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, ClaimsPrincipal user, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var (page, problem) = ApiPageRequest.Read(cursor, limit);
        if (problem is not null)
        {
            return problem;
        }

        var saved = Mine(db, user.RequiredUserId());
        if (page!.After is { } after)
        {
            saved = saved.Where(s => s.SavedAt < after.At || (s.SavedAt == after.At && s.StoryId < after.Id));
        }

        var rows = await Rows(saved.OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.StoryId).Take(page.Limit + 1))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, row => new ApiCursor(row.Item, row.Story.Id), row => ToApi(row, urls)));
    }

    private static async Task<Results<Ok<ApiSavedStory>, ProblemHttpResult>> SaveAsync(
        int storyId, ClaimsPrincipal user, FolioDb db, SavedStories saved, SiteUrls urls, CancellationToken cancellationToken)
    {
        var me = user.RequiredUserId();
        if (await saved.SaveAsync(me, storyId, cancellationToken) is null)
        {
            return NoSuchStory(storyId);
        }

        var row = await Rows(Mine(db, me).Where(s => s.StoryId == storyId)).FirstAsync(cancellationToken);
        return TypedResults.Ok(ToApi(row, urls));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        int storyId, ClaimsPrincipal user, FolioDb db, SavedStories saved, CancellationToken cancellationToken)
    {
        if (await saved.RemoveAsync(user.RequiredUserId(), storyId, cancellationToken)
            || await db.Stories.Published().AnyAsync(s => s.Id == storyId, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return NoSuchStory(storyId);
    }

    private static ProblemHttpResult NoSuchStory(int id) => ApiProblems.NotFound($"There is no published story with id {id}.");

    /// <summary>The reader's saved stories that readers can see now.</summary>
    private static IQueryable<SavedStory> Mine(FolioDb db, string userId) =>
        db.SavedStories.AsNoTracking().Where(s => s.UserId == userId && s.Story.Status == StoryStatus.Published && s.Story.PublishedAt != null);

    private static IQueryable<WithStorySummary<DateTime>> Rows(IQueryable<SavedStory> saved) =>
        saved.SelectWithStorySummary(s => s.Story, s => s.SavedAt);

    private static ApiSavedStory ToApi(WithStorySummary<DateTime> row, SiteUrls urls) => new(row.Item, row.Story.ToSummary(urls));
}
