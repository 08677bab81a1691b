using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class StoryEndpoints
{
    public const int MaxFilterLength = 200;

    // A story at its longest (200,000 characters, each escaped as \uXXXX by some JSON writers) fits with room to spare.
    private const long MaxWriteBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapStoryEndpoints(this RouteGroupBuilder api)
    {
        var stories = api.MapGroup("/stories").WithTags("Stories");
        stories.MapGet("", ListAsync).WithName("ListStories")
            .WithSummary("Published stories, newest first")
            .WithDescription("Paged with `cursor` and `limit` (1–100, default 20). Filter by `community` (slug), `tag` (slug or name, "
                + "any case) and `author` (username, any case); an unknown community, tag or author gives an empty list, while a filter "
                + "over 200 characters, or a tag without a letter or digit, is a 400. With a token, the list leaves out the stories its "
                + "account chose to hide (`readingChoices` in /api/v1/me); a story left out is still answered by its id.");
        stories.MapGet("/{id:int}", GetAsync).WithName("GetStory")
            .WithSummary("One story")
            .WithDescription("A published story to anyone; a draft, or a story in review, sent back or unpublished, only to its author and to moderators. "
                + "Any other story is 404, as if it did not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        stories.MapPost("", StoryWriteEndpoints.CreateAsync).AsWrite().WithName("CreateStory")
            .WithSummary("Write a story")
            .WithDescription("`community` and `title` are required. `status` is \"draft\" (default) or \"published\": trusted creators, moderators and "
                + "admins publish at once; anyone else's story is submitted for review and comes back as \"pending\". Publishing needs a subtitle and "
                + "the community's minimum word count. `publishedAt` (UTC or with an offset, not in the future) keeps an imported story's original "
                + "date and may be sent by admins only, with status \"published\"; from anyone else it is refused with a validation error.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        stories.MapPatch("/{id:int}", StoryWriteEndpoints.UpdateAsync).AsWrite().WithName("UpdateStory")
            .WithSummary("Change a story")
            .WithDescription("Your own stories; moderators and admins may change any. Fields left out or null stay as they are. `community` can "
                + "change only until the story is first published. `status`: \"published\" publishes (or submits for review, as above), "
                + "\"unpublished\" takes a published story offline (\"draft\" can't: 409), \"draft\" withdraws a story from review. A story in "
                + "review can't be changed (409) until its author withdraws it; a live story's changes must meet the publishing rules. Changes to a "
                + "live story by anyone whose stories are reviewed wait as a revision (`revisionStatus` \"pending\"): readers, feeds and search "
                + "keep the published version until a moderator approves; sending more changes updates the revision.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        stories.MapDelete("/{id:int}/revision", StoryWriteEndpoints.WithdrawRevisionAsync).AsWrite().WithName("WithdrawStoryRevision")
            .WithSummary("Withdraw changes waiting for review")
            .WithDescription("Drops the story's revision (its `revisionStatus` becomes null); the published version stays as it is. "
                + "409 when the story has no changes waiting.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        stories.MapDelete("/{id:int}", StoryWriteEndpoints.DeleteAsync).AsWrite().WithName("DeleteStory")
            .WithSummary("Delete a story")
            .WithDescription("Your own stories; moderators and admins may delete any. Its comments, hearts and reader insights are deleted with it. "
                + "403 for a story you can read but not delete, 404 for one you can't see.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Write)
        .WithMetadata(new RequestSizeLimitAttribute(MaxWriteBytes))
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult NotFound(int id) => ApiProblems.NotFound($"There is no story {id}, or it isn't published and isn't yours.");

    private static async Task<Results<Ok<CursorPage<StorySummary>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, string? community, string? tag, string? author,
        ClaimsPrincipal user, FolioDb db, CurrentReadingChoices readers, ILookupNormalizer normalizer, SiteUrls urls, CancellationToken cancellationToken)
    {
        var (page, pageProblem) = ApiPageRequest.Read(cursor, limit);
        var errors = new Dictionary<string, string[]>(pageProblem?.ProblemDetails.Errors ?? new Dictionary<string, string[]>());
        foreach (var (name, value) in new[] { ("community", community), ("tag", tag), ("author", author) })
        {
            if (value?.Length > MaxFilterLength)
            {
                errors[name] = [$"A {name} filter is at most {MaxFilterLength} characters."];
            }
        }

        var tagSlug = string.IsNullOrWhiteSpace(tag) || tag.Length > MaxFilterLength ? null : TagSlug.From(tag);
        if (tagSlug is { Length: 0 })
        {
            errors["tag"] = ["Tags are made of letters and digits; this one has none. Use the tag's name or its slug (as in /tags/slow-living)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The list parameters are not valid");
        }

        var stories = db.Stories.AsNoTracking().Published().VisibleTo(await readers.ForAsync(user, cancellationToken));
        if (!string.IsNullOrWhiteSpace(community))
        {
            var slug = community.Trim().ToLowerInvariant();
            stories = stories.Where(s => s.Community.Slug == slug);
        }

        if (tagSlug is not null)
        {
            stories = stories.Where(s => s.Tags.Any(t => t.Slug == tagSlug));
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            // A renamed author's old username still finds their stories, as their old profile address still does.
            var name = normalizer.NormalizeName(author.Trim());
            stories = stories.Where(s => s.Author.NormalizedUserName == name
                || db.UsernameRedirects.Any(r => r.NormalizedOldUserName == name && r.UserId == s.AuthorId));
        }

        if (page!.After is { } after)
        {
            stories = stories.Where(s => s.PublishedAt < after.At || (s.PublishedAt == after.At && s.Id < after.Id));
        }

        var rows = await stories.NewestFirst().Take(page.Limit + 1).SelectSummaryRows().ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, row => new ApiCursor(row.PublishedAt, row.Id), row => row.ToSummary(urls)));
    }

    private static async Task<Results<Ok<StoryResponse>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, IAuthorizationService authorization, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var actor = await StoryActor.ReadAsync(user, authorization);
        var story = await db.Stories.AsNoTracking().VisibleTo(actor).ForResponse().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return story is null ? NotFound(id) : TypedResults.Ok(StoryResponse.From(story, urls, actor));
    }
}
