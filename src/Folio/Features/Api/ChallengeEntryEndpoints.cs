using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>Entering a story and withdrawing it through the story workflow, with the rules the editor's "Enter this challenge" keeps.</summary>
public static class ChallengeEntryEndpoints
{
    public static RouteGroupBuilder MapChallengeEntryEndpoints(this RouteGroupBuilder challenges)
    {
        challenges.MapPost("/{slug}/entries", EnterAsync).AsEntryWrite().WithName("EnterChallenge")
            .WithSummary("Enter one of your stories")
            .WithDescription("`storyId` is one of your stories that has never been published (a draft, or one sent back). It is entered as the "
                + "editor enters it: the challenge must be open, you must be allowed to enter it and not have used up its entries per creator. "
                + "Its word count and tags are checked when you publish or submit it (PATCH /api/v1/stories/{id} with \"status\": \"published\"); "
                + "an entry published while the challenge hides entries is held until it closes. A refusal is a 409 whose `detail` says why "
                + "(not open yet, closed, a rule broken, already entered).")
            .WithSmallBody();
        challenges.MapDelete("/{slug}/entries/{entryId:int}", WithdrawAsync).AsEntryWrite().WithName("WithdrawChallengeEntry")
            .WithSummary("Withdraw your entry")
            .WithDescription("Until the challenge closes; a held story goes back to your drafts. After the close, a 409.");
        return challenges;
    }

    private static RouteHandlerBuilder AsEntryWrite(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Write)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<ApiMyEntry>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        string slug, EnterChallengeRequest request, StoryWriteServices services, CancellationToken cancellationToken)
    {
        if (request.StoryId is not { } storyId)
        {
            return ApiProblems.Invalid("storyId", "Give the id of the story to enter.");
        }

        var lower = slug.ToLowerInvariant();
        var db = services.Db;
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        if (challenge is null)
        {
            return ChallengeEndpoints.NotFound(slug);
        }

        var actor = await services.ActorAsync();
        var story = await db.Stories.ForWorkflow().FirstOrDefaultAsync(s => s.Id == storyId && s.AuthorId == actor.UserId, cancellationToken);
        if (story is null)
        {
            return ApiProblems.NotFound($"You have no story {storyId}.");
        }

        var entered = await db.ChallengeEntries.Where(e => e.StoryId == story.Id).Select(e => new { e.Challenge.Slug, e.Challenge.Title }).FirstOrDefaultAsync(cancellationToken);
        if (entered is not null)
        {
            return ApiProblems.Conflict(entered.Slug == challenge.Slug
                ? $"This story is already entered in “{entered.Title}”."
                : $"This story is entered in “{entered.Title}”. Withdraw it from that challenge first (DELETE its entry).");
        }

        var input = EditorContext.InputFrom(story);
        input.Challenge = challenge.Slug;
        input.ChallengeOffered = true;
        var outcome = await services.Workflow.ChangeAsync(actor, story, input, StoryAction.Save, cancellationToken);
        if (outcome.Result == StoryResult.Invalid)
        {
            return outcome.Errors.TryGetValue(nameof(StoryInput.Challenge), out var reasons)
                ? ApiProblems.Conflict(reasons)
                : StoryValidation.Invalid(outcome.Errors);
        }

        if (!outcome.Succeeded)
        {
            return ApiProblems.Conflict(outcome.Message);
        }

        var entry = await db.ChallengeEntries.AsNoTracking().Where(e => e.StoryId == story.Id)
            .Select(e => new ApiMyEntry(e.Id, challenge.Slug, e.StoryId, e.EnteredAt)).FirstAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/challenges/{challenge.Slug}/entries/{entry.Id}", entry);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        string slug, int entryId, StoryWriteServices services, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var actor = await services.ActorAsync();
        var storyId = await services.Db.ChallengeEntries
            .Where(e => e.Id == entryId && e.Challenge.Slug == lower && e.AuthorId == actor.UserId).Select(e => (int?)e.StoryId)
            .FirstOrDefaultAsync(cancellationToken);
        var story = storyId is null ? null : await services.Db.Stories.ForWorkflow().FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null)
        {
            return ApiProblems.NotFound($"You have no entry {entryId} in /challenges/{(slug.Length > 60 ? slug[..60] + "…" : slug)}.");
        }

        var outcome = await services.Workflow.WithdrawEntryAsync(actor, story, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : ApiProblems.Conflict(outcome.Message);
    }
}
