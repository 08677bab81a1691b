using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Federation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>Someone on another server who follows you: their handle, server, addresses and since when.</summary>
public sealed record ApiRemoteFollower(string Handle, string Server, string ActorUrl, string? ProfileUrl, string? Name, DateTime Since);

public static class RemoteFollowerEndpoints
{
    private const string Paging = "Newest first, `limit` (1–100, default 20) at a time; pass `next` back as `cursor` for the following page. "
        + "Followers of servers the moderators blocked are gone from the list.";

    public static RouteGroupBuilder MapRemoteFollowerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/remote-followers", MineAsync).WithTags("Me").RequireAuthorization(Policies.SignedIn)
            .WithName("ListMyRemoteFollowers").WithSummary("People on other fediverse servers who follow you")
            .WithDescription(Paging);
        api.MapGet("/communities/{slug}/remote-followers", CommunitysAsync).WithTags("Communities").RequireAuthorization(Policies.Moderate)
            .WithName("ListCommunityRemoteFollowers").WithSummary("People on other fediverse servers who follow a community (moderators only)")
            .WithDescription(Paging)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<CursorPage<ApiRemoteFollower>>, ValidationProblem, UnauthorizedHttpResult>> MineAsync(
        string? cursor, int? limit, HttpContext http, FolioDb db, CancellationToken cancellationToken)
    {
        if (http.User.UserId() is not { } userId)
        {
            return TypedResults.Unauthorized();
        }

        var (page, problem) = await PageAsync(db, ActorKind.Person, userId, cursor, limit, cancellationToken);
        return page is not null ? TypedResults.Ok(page) : problem!;
    }

    private static async Task<Results<Ok<CursorPage<ApiRemoteFollower>>, ValidationProblem, ProblemHttpResult>> CommunitysAsync(
        string slug, string? cursor, int? limit, FolioDb db, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        if (await db.Communities.Where(c => c.Slug == lower).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken) is not { } communityId)
        {
            return TypedResults.Problem($"No community has the slug “{slug}”.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var (page, problem) = await PageAsync(db, ActorKind.Group, communityId.ToString(System.Globalization.CultureInfo.InvariantCulture), cursor, limit, cancellationToken);
        return page is not null ? TypedResults.Ok(page) : problem!;
    }

    /// <summary>One page of an actor's remote followers, or why the cursor or limit can't be read.</summary>
    private static async Task<(CursorPage<ApiRemoteFollower>? Page, ValidationProblem? Problem)> PageAsync(
        FolioDb db, ActorKind kind, string ownerId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var (request, problem) = ApiPageRequest.Read(cursor, limit);
        if (request is null)
        {
            return (null, problem);
        }

        var query = db.RemoteFollowers.AsNoTracking().Where(f => f.Kind == kind && f.OwnerId == ownerId);
        if (request.After is { } after)
        {
            query = query.Where(f => f.CreatedAt < after.At || (f.CreatedAt == after.At && f.Id < after.Id));
        }

        var rows = await query.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(request.Limit + 1)
            .Select(f => new { f.Id, f.CreatedAt, f.RemoteActor.Uri, f.RemoteActor.Host, f.RemoteActor.PreferredUsername, f.RemoteActor.ProfileUrl, f.RemoteActor.Name })
            .ToListAsync(cancellationToken);
        return (request.ToPage(rows, row => new ApiCursor(row.CreatedAt, row.Id),
            row => new ApiRemoteFollower($"@{row.PreferredUsername ?? "?"}@{row.Host}", row.Host, row.Uri, row.ProfileUrl, row.Name, row.CreatedAt)), null);
    }
}
