using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Api;

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").RequireAuthorization(Policies.SignedIn);
        me.MapGet("", GetAsync).WithName("GetMe").WithSummary("The account the token acts as");
        me.MapPatch("", UpdateAsync).WithName("UpdateMe").RequireAuthorization(Policies.Write)
            .WithSummary("Change your profile, email choices and reading choices")
            .WithDescription("`name` (1–80 characters), `bio` (up to 1000), `links` (up to 5 of {label, url}, replacing all; `[]` removes them), "
                + "`emailOnReply`, `emailOnReview`, and `readingChoices` ({hideAiGenerated, hiddenWarnings, coverWarnedStories}; an unknown warning is a 400). "
                + "Fields left out or null stay as they are. The username is changed in Settings → Profile.")
            .WithSmallBody();
        return api;
    }

    private static async Task<Results<Ok<ApiMe>, UnauthorizedHttpResult>> GetAsync(
        HttpContext http, UserManager<FolioUser> users, SiteUrls urls)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(await ToApiAsync(user, users, urls));
    }

    private static async Task<Results<Ok<ApiMe>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> UpdateAsync(
        UpdateMeRequest request, HttpContext http, UserManager<FolioUser> users, SiteUrls urls)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (request.Errors() is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        user.DisplayName = request.Name?.Trim() ?? user.DisplayName;
        user.Bio = request.Bio?.Trim() ?? user.Bio;
        user.EmailOnReply = request.EmailOnReply ?? user.EmailOnReply;
        user.EmailOnReview = request.EmailOnReview ?? user.EmailOnReview;
        if (request.ReadingChoices is { } reading)
        {
            user.HideAiGenerated = reading.HideAiGenerated ?? user.HideAiGenerated;
            user.HiddenWarnings = reading.HiddenWarnings is { } hidden && LabelNames.TryParseWarnings(hidden, out var warnings, out _) ? warnings : user.HiddenWarnings;
            user.CoverWarnedStories = reading.CoverWarnedStories ?? user.CoverWarnedStories;
        }
        if (request.NewLinks() is { } links)
        {
            user.Links.Clear();
            user.Links.AddRange(links);
        }

        var result = await users.UpdateAsync(user);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return TypedResults.Problem("The account was changed by another request at the same moment. Read it again and resend your change.",
                statusCode: StatusCodes.Status409Conflict, title: "Changed at the same time");
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { [""] = [.. result.Errors.Select(e => e.Description)] });
        }

        return TypedResults.Ok(await ToApiAsync(user, users, urls));
    }

    private static async Task<ApiMe> ToApiAsync(FolioUser user, UserManager<FolioUser> users, SiteUrls urls) => new(
        user.UserName!, user.DisplayName, user.Bio, urls.AbsoluteMedia(user.AvatarUrl), urls.Absolute($"/authors/{user.UserName}"),
        user.JoinedAt, [.. await users.GetRolesAsync(user)], user.Links.Select(l => new ApiLink(l.Label, l.Url)).ToList(),
        user.EmailOnReply, user.EmailOnReview, ApiReadingChoices.Of(user));
}
