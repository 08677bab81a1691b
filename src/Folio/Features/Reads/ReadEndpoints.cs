using Folio.Features.Accounts;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Reads;

public sealed record ReadTokenResponse(string Token);

/// <summary>
/// wwwroot/js/reads.js asks for a read token once the visitor has stayed with the story, and posts it straight back.
/// The token is not in the page because the page is cached for every visitor (Features/Caching), and each view needs its own.
/// Nothing about the visitor is kept or logged: no cookie is set, no address stored, only the day's count grows.
/// Requests that don't count (bots, prefetches, the author, a replayed token) still get 204: there is nothing to fix.
/// </summary>
public static class ReadEndpoints
{
    public static IEndpointRouteBuilder MapReads(this IEndpointRouteBuilder endpoints)
    {
        // No antiforgery: the request changes no state tied to a user, and the single-use token is its own proof.
        endpoints.MapPost("/stories/{id:int}/read-token", IssueAsync).DisableAntiforgery();
        endpoints.MapPost("/stories/{id:int}/read", CountAsync).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>A fresh single-use token; none (204) for a visit that would not count anyway: a bot, a prefetch, the author.</summary>
    private static async Task<Results<Ok<ReadTokenResponse>, NoContent, NotFound>> IssueAsync(
        int id, HttpContext http, FolioDb db, ReadTokens tokens, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var authorId = await db.Stories.Published().Where(s => s.Id == id).Select(s => s.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (authorId is null)
        {
            return TypedResults.NotFound();
        }

        return AutomatedVisitors.IsAutomated(http.Request) || authorId == http.User.UserId()
            ? TypedResults.NoContent()
            : TypedResults.Ok(new ReadTokenResponse(tokens.Issue(id)));
    }

    private static async Task<Results<NoContent, BadRequest, NotFound>> CountAsync(
        int id, HttpContext http, FolioDb db, ReadTokens tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AutomatedVisitors.IsAutomated(http.Request))
        {
            return TypedResults.NoContent();
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        if (tokens.Read(form?["token"], id) is not { } token)
        {
            return TypedResults.BadRequest();
        }

        var authorId = await db.Stories.Published().Where(s => s.Id == id).Select(s => s.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (authorId is null)
        {
            return TypedResults.NotFound();
        }

        if (authorId == http.User.UserId() || !await tokens.TrySpendAsync(token, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        await db.CountReadAsync(id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return TypedResults.NoContent();
    }
}
