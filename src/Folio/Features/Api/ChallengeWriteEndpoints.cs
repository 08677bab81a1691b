using System.Security.Claims;
using System.Text.Json;
using Folio.Features.Accounts;
using Folio.Features.ChallengeAdmin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Api;

/// <summary>Creating and changing challenges through <see cref="ChallengeEditor"/>, as the admin pages do: 400 for input to fix, 409 when only the site's state stands in the way.</summary>
public static class ChallengeWriteEndpoints
{
    public static RouteGroupBuilder MapChallengeWriteEndpoints(this RouteGroupBuilder challenges)
    {
        challenges.MapPost("", CreateAsync).AsChallengeAdministration().WithName("CreateChallenge")
            .WithSummary("Create a challenge (moderators and admins)")
            .WithDescription("`title`, `prompt` (Markdown), `opensAt` and `closesAt` (ISO 8601 with `Z` or an offset; it must close after it "
                + "opens), `criteria` (names with whole-percent weights adding up to 100) and `judges` (usernames) are required; `leadJudge` "
                + "is one of the judges (needed when there are several). `slug` defaults to one made from the title; `community` is a "
                + "community's slug, or left out for a site-wide challenge. Each field that needs fixing is named under `errors`; a slug "
                + "already taken is a 409.");
        challenges.MapPatch("/{slug}", UpdateAsync).AsChallengeAdministration().WithName("UpdateChallenge")
            .WithSummary("Change a challenge (moderators and admins)")
            .WithDescription("Send only the fields to change; the same rules as creating one. `criteria` and `judges` replace the whole "
                + "list. Once judges have scored entries the criteria can be renamed and reweighted but not added or removed: a 409. "
                + "Answers with the challenge as it is now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return challenges;
    }

    private static RouteHandlerBuilder AsChallengeAdministration(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Moderate)
        .WithSmallBody()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<ApiChallenge>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ChallengeRequest request, ClaimsPrincipal user, ChallengeEditor editor, ChallengeReader reader, CancellationToken cancellationToken)
    {
        var result = await editor.CreateAsync(ToFields(request), user.RequiredUserId(), cancellationToken);
        if (result.Conflict)
        {
            return ApiProblems.Conflict(string.Join(" ", result.Problems.Values));
        }

        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        var created = await reader.ReadAsync(result.Challenge!.Slug, cancellationToken);
        return TypedResults.Created($"/api/v1/challenges/{result.Challenge.Slug}", created!);
    }

    private static async Task<Results<Ok<ApiChallenge>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string slug, ChallengeRequest request, ChallengeEditor editor, ChallengeReader reader, CancellationToken cancellationToken)
    {
        var challenge = await editor.FindAsync(slug, cancellationToken);
        if (challenge is null)
        {
            return ChallengeEndpoints.NotFound(slug);
        }

        var result = await editor.EditAsync(challenge, ToFields(request), cancellationToken);
        if (result.Conflict)
        {
            return ApiProblems.Conflict(string.Join(" ", result.Problems.Values));
        }

        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        return TypedResults.Ok((await reader.ReadAsync(challenge.Slug, cancellationToken))!);
    }

    /// <summary>A 400 naming each field by its JSON name, as the request has it.</summary>
    private static ValidationProblem Invalid(ChallengeEdit result) =>
        ApiProblems.Invalid(result.Problems.ToDictionary(p => FieldName(p.Key), p => new[] { p.Value }));

    private static string FieldName(string inputField) => inputField switch
    {
        nameof(ChallengeInput.CommunityId) => "community",
        _ => JsonNamingPolicy.CamelCase.ConvertName(inputField),
    };

    private static ChallengeFields ToFields(ChallengeRequest request) => new()
    {
        Slug = request.Slug, Title = request.Title, Prompt = request.Prompt, HeroAltText = request.HeroAltText, Community = request.Community,
        OpensAt = request.OpensAt, ClosesAt = request.ClosesAt, MinWords = request.MinWords, MaxWords = request.MaxWords,
        RequiredTags = request.RequiredTags, EntriesPerCreator = request.EntriesPerCreator, EntrantRole = request.EntrantRole,
        EntriesVisibleBeforeClose = request.EntriesVisibleBeforeClose, JudgesPerEntry = request.JudgesPerEntry, BlindJudging = request.BlindJudging,
        Criteria = request.Criteria?.Select(c => new CriterionInput
        {
            Name = c.Name ?? "", Weight = c.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }).ToList(),
        FirstPrize = request.FirstPrize, SecondPrize = request.SecondPrize, ThirdPrize = request.ThirdPrize, RunnersUp = request.RunnersUp,
        RunnerUpPrize = request.RunnerUpPrize, Judges = request.Judges, LeadJudge = request.LeadJudge,
    };
}
