using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Series;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>A creator's series, read by anyone; created and changed by their creator through <see cref="SeriesEditor"/>, as the pages do.</summary>
public static class SeriesEndpoints
{
    public const int Listed = 200;

    public static RouteGroupBuilder MapSeriesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/authors/{username}/series", ListAsync).WithTags("Series").WithName("ListSeries")
            .WithSummary("A creator's series, by title")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/authors/{username}/series/{slug}", GetAsync).WithTags("Series").WithName("GetSeries")
            .WithSummary("A series and its published parts, in order")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var own = api.MapGroup("/series").WithTags("Series").RequireAuthorization(Policies.Write).WithSmallBody()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        own.MapPost("", CreateAsync).WithName("CreateSeries").WithSummary("Start a series of your own")
            .WithDescription("`title` is required; `slug` defaults to one made from the title and must be unique among your series.");
        own.MapPatch("/{id:int}", UpdateAsync).WithName("UpdateSeries").WithSummary("Change your series")
            .WithDescription("Send only the fields to change. Another creator's series is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        own.MapPost("/{id:int}/parts", AddPartAsync).WithName("AddSeriesPart").WithSummary("Add one of your stories to your series")
            .WithDescription("It becomes the last part, or goes to `position`; a story in another series moves here. Another creator's "
                + "story is a 403; a series of 100 parts is full (400).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        own.MapDelete("/{id:int}/parts/{storyId:int}", RemovePartAsync).WithName("RemoveSeriesPart")
            .WithSummary("Take a story out of your series; the story stays")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<ApiSeriesSummary>>, ProblemHttpResult>> ListAsync(
        string username, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var author = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return ApiProblems.NotFound($"There is no creator with the username “{username}”.");
        }

        var rows = await db.Series.AsNoTracking().Where(s => s.AuthorId == author.Id).OrderBy(s => s.Title).Take(Listed)
            .Select(s => new { s.Id, s.Slug, s.Title, s.Description, s.CoverImageUrl, s.CoverAltText, Parts = db.Stories.Published().Count(p => p.SeriesId == s.Id) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(s => new ApiSeriesSummary(s.Id, s.Slug, s.Title, s.Description, urls.AbsoluteMedia(s.CoverImageUrl), s.CoverAltText,
            urls.Absolute(SeriesLinks.Path(author.UserName!, s.Slug)), s.Parts)).ToList());
    }

    private static async Task<Results<Ok<ApiSeries>, ProblemHttpResult>> GetAsync(
        string username, string slug, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var (normalized, wanted) = (username.ToUpperInvariant(), slug.ToLowerInvariant());
        var series = await db.Series.AsNoTracking().Where(s => s.Author.NormalizedUserName == normalized && s.Slug == wanted)
            .Select(s => new { Series = s, s.Author.UserName }).FirstOrDefaultAsync(cancellationToken);
        return series is null
            ? ApiProblems.NotFound($"{username} has no series “{slug}”.")
            : TypedResults.Ok(await ReadAsync(db, urls, series.Series, series.UserName!, cancellationToken));
    }

    private static async Task<Results<Created<ApiSeries>, ValidationProblem>> CreateAsync(
        SeriesRequest request, ClaimsPrincipal user, SeriesEditor editor, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var series = new StorySeries { AuthorId = user.RequiredUserId(), Title = "", Slug = "" };
        var problems = await editor.SaveAsync(series, new SeriesChange(request.Title, request.Slug, request.Description, request.CoverAltText), null, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var read = await ReadAsync(db, urls, series, user.Identity!.Name!, cancellationToken);
        return TypedResults.Created($"/api/v1/authors/{user.Identity!.Name}/series/{series.Slug}", read);
    }

    private static async Task<Results<Ok<ApiSeries>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, SeriesRequest request, ClaimsPrincipal user, SeriesEditor editor, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        if (await editor.FindOwnAsync(id, user.RequiredUserId(), cancellationToken) is not { } series)
        {
            return NotYours(id);
        }

        var change = new SeriesChange(request.Title ?? series.Title, request.Slug ?? series.Slug, request.Description ?? series.Description,
            request.CoverAltText ?? series.CoverAltText);
        var problems = await editor.SaveAsync(series, change, null, cancellationToken);
        return problems.Count > 0 ? Invalid(problems) : TypedResults.Ok(await ReadAsync(db, urls, series, user.Identity!.Name!, cancellationToken));
    }

    private static async Task<Results<Ok<ApiSeries>, ValidationProblem, ProblemHttpResult>> AddPartAsync(
        int id, SeriesPartRequest request, ClaimsPrincipal user, SeriesEditor editor, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        if (await editor.FindOwnAsync(id, user.RequiredUserId(), cancellationToken) is not { } series)
        {
            return NotYours(id);
        }

        return await editor.AddPartAsync(series, request.StoryId, request.Position, cancellationToken) switch
        {
            PartRefusal.None => TypedResults.Ok(await ReadAsync(db, urls, series, user.Identity!.Name!, cancellationToken)),
            PartRefusal.NotYourStory => ApiProblems.Forbidden(SeriesRules.NotYourStory),
            PartRefusal.Full => ApiProblems.Invalid("storyId", SeriesRules.Full),
            _ => StoryEndpoints.NotFound(request.StoryId),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePartAsync(
        int id, int storyId, ClaimsPrincipal user, SeriesEditor editor, CancellationToken cancellationToken)
    {
        if (await editor.FindOwnAsync(id, user.RequiredUserId(), cancellationToken) is not { } series)
        {
            return NotYours(id);
        }

        return await editor.RemovePartAsync(series, storyId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Story {storyId} is no part of this series.");
    }

    private static async Task<ApiSeries> ReadAsync(FolioDb db, SiteUrls urls, StorySeries series, string username, CancellationToken cancellationToken)
    {
        var parts = await SeriesParts.ReadableAsync(db, series.Id, cancellationToken);
        return new ApiSeries(series.Id, series.Slug, series.Title, series.Description, urls.AbsoluteMedia(series.CoverImageUrl), series.CoverAltText,
            urls.Absolute(SeriesLinks.Path(username, series.Slug)), username, series.CreatedAt, series.UpdatedAt,
            [.. parts.Select(p => new ApiSeriesPart(p.Number, p.StoryId, p.Title, urls.Absolute(p.Path), p.PublishedAt))]);
    }

    private static ProblemHttpResult NotYours(int id) => ApiProblems.NotFound($"You have no series {id}.");

    private static ValidationProblem Invalid(Dictionary<string, string> problems) =>
        ApiProblems.Invalid(problems.ToDictionary(p => char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p => new[] { p.Value }));
}
