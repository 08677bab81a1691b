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
    public static RouteGroupBuilder MapRemoteFollowerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/remote-followers", ListAsync).WithTags("Me").RequireAuthorization(Policies.SignedIn)
            .WithName("ListMyRemoteFollowers").WithSummary("People on other fediverse servers who follow you")
            .WithDescription("Newest first, `limit` (1–100, default 20) at a time; pass `next` back as `cursor` for the following page. "
                + "Followers of servers the moderators blocked are gone from the list.");
        return api;
    }

    private static async Task<Results<Ok<CursorPage<ApiRemoteFollower>>, ValidationProblem, UnauthorizedHttpResult>> ListAsync(
        string? cursor, int? limit, HttpContext http, FolioDb db, CancellationToken cancellationToken)
    {
        var (request, problem) = ApiPageRequest.Read(cursor, limit);
        if (request is null)
        {
            return problem!;
        }

        if (http.User.UserId() is not { } userId)
        {
            return TypedResults.Unauthorized();
        }

        var query = db.RemoteFollowers.AsNoTracking().Where(f => f.Kind == ActorKind.Person && f.OwnerId == userId);
        if (request.After is { } after)
        {
            query = query.Where(f => f.CreatedAt < after.At || (f.CreatedAt == after.At && f.Id < after.Id));
        }

        var rows = await query.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(request.Limit + 1)
            .Select(f => new { f.Id, f.CreatedAt, f.RemoteActor.Uri, f.RemoteActor.Host, f.RemoteActor.PreferredUsername, f.RemoteActor.ProfileUrl, f.RemoteActor.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(request.ToPage(rows, row => new ApiCursor(row.CreatedAt, row.Id),
            row => new ApiRemoteFollower($"@{row.PreferredUsername ?? "?"}@{row.Host}", row.Host, row.Uri, row.ProfileUrl, row.Name, row.CreatedAt)));
    }
}
