using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Api;

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").RequireAuthorization(Policies.Write);
        me.MapGet("", GetAsync).WithName("GetMe").WithSummary("The account the token acts as");
        return api;
    }

    private static async Task<Results<Ok<ApiMe>, UnauthorizedHttpResult>> GetAsync(
        HttpContext http, UserManager<FolioUser> users, SiteUrls urls)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(new ApiMe(
            user.UserName!, user.DisplayName, user.Bio, user.AvatarUrl, urls.Absolute($"/authors/{user.UserName}"),
            user.JoinedAt, [.. await users.GetRolesAsync(user)]));
    }
}

/// <summary>The account behind the token, with the roles that decide what it may do.</summary>
public sealed record ApiMe(string Username, string Name, string Bio, string? AvatarUrl, string Url, DateTime JoinedAt, IReadOnlyList<string> Roles);
