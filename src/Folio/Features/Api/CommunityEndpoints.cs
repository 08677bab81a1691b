using System.Text.Json;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Features.Pins;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class CommunityEndpoints
{
    public static RouteGroupBuilder MapCommunityEndpoints(this RouteGroupBuilder api)
    {
        var communities = api.MapGroup("/communities").WithTags("Communities");
        communities.MapGet("", ListAsync).WithName("ListCommunities")
            .WithSummary("Communities, newest first")
            .WithDescription("Paged with `cursor` and `limit` (1–100, default 20). `storyCount` counts published stories.");
        communities.MapGet("/{slug}", GetAsync).WithName("GetCommunity")
            .WithSummary("One community, by its slug (any case)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        communities.MapPost("", CreateAsync).WithName("CreateCommunity")
            .WithSummary("Create a community (admins only)")
            .WithDescription("`slug` (2–60 lowercase letters, digits or hyphens, not a page of the site such as `explore`) and `name` "
                + "(1–80 characters) are required; `tagline` up to 160 characters, `description` up to 2000, `accentColor` #rrggbb, "
                + "`minimumWords` 0–10,000 (default 100). A slug already taken is a 409.")
            .RequireAuthorization(Policies.Administer)
            .WithSmallBody()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        communities.MapPatch("/{slug}", UpdateAsync).WithName("UpdateCommunity")
            .WithSummary("Change a community (admins only)")
            .WithDescription("Send only the fields to change. The same rules as creating one, and: `accentColor` needs a contrast of at least "
                + "4.5:1 with white text; `rules` (Markdown, shown to writers) up to 4000 characters; `submissionsNeedReview` false lets a "
                + "writer's story publish at once; `archived` true keeps its stories readable and refuses new submissions. A new `slug` "
                + "keeps the old address working with a permanent redirect; a slug already taken by a community or a username is a 409. "
                + "Answers with the community as it is now.")
            .RequireAuthorization(Policies.Administer)
            .WithSmallBody()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<CursorPage<ApiCommunity>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var (request, problem) = ApiPageRequest.Read(cursor, limit);
        if (request is null)
        {
            return problem!;
        }

        var query = db.Communities.AsNoTracking();
        if (request.After is { } after)
        {
            query = query.Where(c => c.CreatedAt < after.At || (c.CreatedAt == after.At && c.Id < after.Id));
        }

        var rows = await Rows(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id), db)
            .Take(request.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(request.ToPage(rows, row => new ApiCursor(row.Community.CreatedAt, row.Community.Id), row => row.ToApi(urls)));
    }

    private static async Task<Results<Ok<ApiCommunity>, ProblemHttpResult>> GetAsync(
        string slug, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var row = await Rows(db.Communities.AsNoTracking().Where(c => c.Slug == lower), db).FirstOrDefaultAsync(cancellationToken);
        return row is null ? NoSuchCommunity(slug) : TypedResults.Ok(row.ToApi(urls));
    }

    private static async Task<Results<Created<ApiCommunity>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCommunityRequest request, CommunityChanges changes, SiteUrls urls, CancellationToken cancellationToken)
    {
        var change = new CommunityChange
        {
            Slug = request.Slug, Name = request.Name, Tagline = request.Tagline, Description = request.Description,
            AccentColor = request.AccentColor, MinimumWords = request.MinimumWords,
        };
        if (Invalid(change.Problems(creating: true)) is { } invalid)
        {
            return invalid;
        }

        var result = await changes.CreateAsync(change, cancellationToken);
        if (!result.Succeeded)
        {
            // Every field was checked above: what is left is a slug someone has.
            return ApiProblems.Conflict(result.Problems.Values.First());
        }

        return TypedResults.Created($"/api/v1/communities/{result.Community!.Slug}", new CommunityRow(result.Community, 0, []).ToApi(urls));
    }

    private static async Task<Results<Ok<ApiCommunity>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string slug, UpdateCommunityRequest request, FolioDb db, CommunityChanges changes, SiteUrls urls, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        if (community is null)
        {
            return NoSuchCommunity(slug);
        }

        var change = new CommunityChange
        {
            Slug = request.Slug, Name = request.Name, Tagline = request.Tagline, Description = request.Description, Rules = request.Rules,
            AccentColor = request.AccentColor, MinimumWords = request.MinimumWords, SubmissionsNeedReview = request.SubmissionsNeedReview,
            Archived = request.Archived,
        };
        if (Invalid(change.Problems(creating: false)) is { } invalid)
        {
            return invalid;
        }

        var result = await changes.EditAsync(community, change, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.Conflict(result.Problems.Values.First());
        }

        var pinned = await db.Stories.PinnedToCommunity(community.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CommunityRow(community, community.StoryCount, pinned).ToApi(urls));
    }

    private static ValidationProblem? Invalid(Dictionary<string, string> problems) =>
        problems.Count == 0 ? null
            : ApiProblems.Invalid(problems.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Key), p => new[] { p.Value }));

    private static ProblemHttpResult NoSuchCommunity(string slug) =>
        ApiProblems.NotFound($"No community answers at /{slug}.");

    private static IQueryable<CommunityRow> Rows(IQueryable<Community> communities, FolioDb db) =>
        communities.Select(c => new CommunityRow(c, c.StoryCount, db.Stories
            .Where(s => s.CommunityId == c.Id && s.CommunityPinnedAt != null && s.Status == StoryStatus.Published && s.PublishedAt != null)
            .OrderByDescending(s => s.CommunityPinnedAt).ThenByDescending(s => s.Id).Take(StoryPins.Limit).Select(s => s.Id).ToList()));

    private sealed record CommunityRow(Community Community, int StoryCount, List<int> PinnedStoryIds)
    {
        public ApiCommunity ToApi(SiteUrls urls) => new(
            Community.Slug, Community.Name, Community.Tagline, Community.Description, Community.AccentColor,
            urls.AbsoluteMedia(Community.LogoUrl), urls.Absolute($"/{Community.Slug}"), Community.MinimumWords, StoryCount,
            Community.Rules, Community.SubmissionsNeedReview, Community.IsArchived, PinnedStoryIds);
    }
}
