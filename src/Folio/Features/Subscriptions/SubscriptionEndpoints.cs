using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Series;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Subscriptions;

public sealed record FollowResponse(bool Following, string? CountText);

/// <summary>
/// The subscribe and follow forms on profiles, community pages and /following. Each form says the state it wants
/// (follow=true|false), so repeating a post never undoes it. A browser gets a redirect back (post, redirect, get);
/// wwwroot/js/follow.js asks for JSON and updates the button in place.
/// </summary>
public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/following").RequireAuthorization(Policies.SignedIn).DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
                return await antiforgery.IsRequestValidAsync(context.HttpContext)
                    ? await next(context)
                    : Results.Problem("The page’s security token is missing or stale. Reload the page and try again.", statusCode: 400);
            });
        group.MapPost("/creators/{username}", SubscribeAsync);
        group.MapPost("/communities/{slug}", FollowAsync);
        group.MapPost("/series/{id:int}", SubscribeToSeriesAsync);
        return endpoints;
    }

    private static async Task<IResult> SubscribeAsync(string username, [FromForm] bool follow, [FromForm] string? returnUrl,
        HttpContext http, ClaimsPrincipal user, FolioDb db, Follows follows, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var creator = await db.Users.Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(cancellationToken);
        if (creator is null)
        {
            return Results.NotFound();
        }

        var me = user.RequiredUserId();
        if (creator.Id == me)
        {
            return Refuse(http, "You can’t subscribe to yourself.");
        }

        await follows.SetSubscribedAsync(me, creator.Id, follow, cancellationToken);
        return Answer(http, returnUrl, $"/authors/{creator.UserName}", new FollowResponse(follow, null));
    }

    private static async Task<IResult> FollowAsync(string slug, [FromForm] bool follow, [FromForm] string? returnUrl,
        HttpContext http, ClaimsPrincipal user, FolioDb db, Follows follows, CancellationToken cancellationToken)
    {
        var normalized = slug.ToLowerInvariant();
        var community = await db.Communities.Where(c => c.Slug == normalized).Select(c => new { c.Id, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            return Results.NotFound();
        }

        await follows.SetFollowingAsync(user.RequiredUserId(), community.Id, follow, cancellationToken);
        var count = await follows.CommunityCountVisibleToAsync(user, community.Id, cancellationToken);
        return Answer(http, returnUrl, $"/{community.Slug}", new FollowResponse(follow, count is { } n ? FollowButton.CountOf(FollowTarget.Community, n) : null));
    }

    private static async Task<IResult> SubscribeToSeriesAsync(int id, [FromForm] bool follow, [FromForm] string? returnUrl,
        HttpContext http, ClaimsPrincipal user, SeriesFollows follows, CancellationToken cancellationToken)
    {
        var (found, refusal, path) = await follows.SetSubscribedAsync(user.RequiredUserId(), id, follow, cancellationToken);
        if (!found)
        {
            return Results.NotFound();
        }

        return refusal is not null ? Refuse(http, refusal) : Answer(http, returnUrl, path!, new FollowResponse(follow, null));
    }

    private static IResult Answer(HttpContext http, string? returnUrl, string fallback, FollowResponse response) =>
        WantsJson(http) ? Results.Ok(response) : Results.Redirect(SafeReturnUrl.Or(returnUrl, fallback));

    private static IResult Refuse(HttpContext http, string message) =>
        WantsJson(http) ? Results.Problem(message, statusCode: 400) : Results.BadRequest();

    private static bool WantsJson(HttpContext http) =>
        http.Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
