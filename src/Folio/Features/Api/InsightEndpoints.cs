using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsightEndpoints(this RouteGroupBuilder api)
    {
        var insights = api.MapGroup("/stories/{id:int}/insights").WithTags("Insights");
        insights.MapGet("", GetAsync).WithName("GetInsights")
            .WithSummary("The reader insights of a published story")
            .ProducesProblem(StatusCodes.Status404NotFound);
        insights.MapPost("", GiveAsync).WithName("GiveInsights").RequireAuthorization(Policies.Write).WithSmallBody()
            .WithSummary("Give or change your insights on someone else's story")
            .WithDescription("`impression` (good-effort, nice-work or outstanding) is required; `qualities` lists any of the eight quality keys "
                + "(see /insights). Saving again replaces your earlier insights. Creators can't give insights to their own stories (403).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        insights.MapDelete("", WithdrawAsync).WithName("WithdrawInsights").RequireAuthorization(Policies.Write)
            .WithSummary("Withdraw your insights on a story")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiInsights>, ProblemHttpResult>> GetAsync(
        int id, HttpContext http, FolioDb db, CancellationToken cancellationToken)
    {
        if (!await db.Stories.Published().AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NoSuchStory(id);
        }

        return TypedResults.Ok(await SummaryAsync(db, id, http.User.UserId(), cancellationToken));
    }

    private static async Task<Results<Ok<ApiInsights>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        int id, GiveInsightsRequest request, HttpContext http, FolioDb db, InsightRecorder recorder, CancellationToken cancellationToken)
    {
        // Tracked: the author's notification points at it.
        var story = await db.Stories.Published().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var readerId = http.User.RequiredUserId();
        if (Refusal(story, id, readerId) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        if (!InsightKeys.TryImpression(request.Impression, out var impression))
        {
            errors["impression"] = [request.Impression is null
                ? $"{InsightMessages.ChooseImpression} Send one of: {InsightKeys.ImpressionKeys}."
                : $"“{request.Impression}” is not an impression. Send one of: {InsightKeys.ImpressionKeys}."];
        }

        var qualities = new List<InsightQuality>();
        var given = request.Qualities ?? [];
        if (given.Count > InsightCatalog.All.Count)
        {
            errors["qualities"] = [$"Choose at most {InsightCatalog.All.Count} qualities, each once."];
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (InsightKeys.TryQuality(given[i], out var quality))
                {
                    qualities.Add(quality);
                }
                else
                {
                    errors[$"qualities[{i}]"] = [$"“{given[i]}” is not a quality. Send any of: {InsightKeys.QualityKeys}."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        await recorder.GiveAsync(story!, readerId, impression, qualities, cancellationToken);
        return TypedResults.Ok(await SummaryAsync(db, id, readerId, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        int id, HttpContext http, FolioDb db, InsightRecorder recorder, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var readerId = http.User.RequiredUserId();
        if (Refusal(story, id, readerId) is { } refused)
        {
            return refused;
        }

        await recorder.WithdrawAsync(id, readerId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>As on the site: an unknown or unpublished story is not found, and nobody gives insights to their own story.</summary>
    private static ProblemHttpResult? Refusal(Story? story, int id, string readerId) =>
        story is null ? NoSuchStory(id)
        : story.AuthorId == readerId ? TypedResults.Problem(InsightMessages.OwnStory, statusCode: StatusCodes.Status403Forbidden, title: InsightMessages.OwnStoryTitle)
        : null;

    private static async Task<ApiInsights> SummaryAsync(FolioDb db, int storyId, string? viewerId, CancellationToken cancellationToken)
    {
        var breakdown = (await InsightBreakdown.LoadAsync(db, [storyId], cancellationToken))[storyId];
        var mine = await db.ChoicesOfAsync(storyId, viewerId, cancellationToken);
        return new ApiInsights(
            breakdown.Readers,
            ImpressionCatalog.All.ToDictionary(
                i => InsightKeys.Key(i.Impression),
                i => breakdown.Impressions.Single(c => c.Impression.Impression == i.Impression).Count),
            breakdown.Qualities.Where(q => q.Count > 0)
                .Select(q => new ApiInsightCount(InsightKeys.Key(q.Insight.Quality), q.Insight.Name, q.Count)).ToList(),
            mine.Given
                ? new ApiInsightChoices(
                    mine.Impression is { } impression ? InsightKeys.Key(impression) : null,
                    mine.Qualities.Order().Select(InsightKeys.Key).ToList())
                : null);
    }

    private static ProblemHttpResult NoSuchStory(int id) =>
        ApiProblems.NotFound($"There is no published story with id {id}.");
}
