using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
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

        var rows = await Rows(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id))
            .Take(request.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(request.ToPage(rows, row => new ApiCursor(row.Community.CreatedAt, row.Community.Id), row => row.ToApi(urls)));
    }

    private static async Task<Results<Ok<ApiCommunity>, ProblemHttpResult>> GetAsync(
        string slug, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var row = await Rows(db.Communities.AsNoTracking().Where(c => c.Slug == lower)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? NoSuchCommunity(slug) : TypedResults.Ok(row.ToApi(urls));
    }

    private static async Task<Results<Created<ApiCommunity>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCommunityRequest request, FolioDb db, TimeProvider clock, SiteUrls urls, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "slug", CommunitySlugRules.Problem(request.Slug));
        Check(errors, "name", CommunityRules.NameProblem(request.Name));
        Check(errors, "tagline", CommunityRules.TaglineProblem(request.Tagline));
        Check(errors, "description", CommunityRules.DescriptionProblem(request.Description));
        Check(errors, "accentColor", CommunityRules.AccentColorProblem(request.AccentColor));
        Check(errors, "minimumWords", CommunityRules.MinimumWordsProblem(request.MinimumWords));
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var slug = request.Slug!;
        if (await db.IsSlugTakenAsync(slug, cancellationToken))
        {
            return ApiProblems.Conflict(CommunityRules.SlugTaken(slug));
        }

        var community = new Community
        {
            Slug = slug,
            Name = request.Name!.Trim(),
            Tagline = request.Tagline?.Trim() ?? "",
            Description = request.Description?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        community.AccentColor = request.AccentColor?.ToLowerInvariant() ?? community.AccentColor;
        community.MinimumWords = request.MinimumWords ?? community.MinimumWords;
        db.Communities.Add(community);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same slug at once: the unique index stops the second, and it gets the same 409.
            db.Entry(community).State = EntityState.Detached;
            if (await db.IsSlugTakenAsync(slug, cancellationToken))
            {
                return ApiProblems.Conflict(CommunityRules.SlugTaken(slug));
            }

            throw;
        }

        return TypedResults.Created($"/api/v1/communities/{community.Slug}", new CommunityRow(community, 0).ToApi(urls));
    }

    private static ProblemHttpResult NoSuchCommunity(string slug) =>
        ApiProblems.NotFound($"No community answers at /{slug}.");

    private static void Check(Dictionary<string, string[]> errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }

    private static IQueryable<CommunityRow> Rows(IQueryable<Community> communities) =>
        communities.Select(c => new CommunityRow(c, c.StoryCount));

    private sealed record CommunityRow(Community Community, int StoryCount)
    {
        public ApiCommunity ToApi(SiteUrls urls) => new(
            Community.Slug, Community.Name, Community.Tagline, Community.Description, Community.AccentColor,
            urls.AbsoluteMedia(Community.LogoUrl), urls.Absolute($"/{Community.Slug}"), Community.MinimumWords, StoryCount);
    }
}
