using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Communities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// A creator's, a community's and a story's page answer ActivityStreams JSON to a client that asks for it, the same
/// document as its /ap id; HTML to everyone else, and both say Vary: Accept. Answered before routing, so such a request
/// never reaches the page cache: a cached page is never served to a fediverse server, nor its JSON kept for a browser.
/// A name that finds nothing goes on to the page, which answers a redirect (an old name) or a 404.
/// </summary>
public static class ActivityPubNegotiation
{
    public static IApplicationBuilder UseActivityPubNegotiation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || PageOf(request.Path) is not { } page)
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(() =>
        {
            var vary = context.Response.Headers.Vary;
            var varied = vary.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries));
            if (!varied.Contains(HeaderNames.Accept, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
            }

            return Task.CompletedTask;
        });

        if (ActivityStreams.IsWantedBy(request) && await DocumentAsync(context.RequestServices, page, context.RequestAborted) is { } document)
        {
            await ActivityStreams.Json(document).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>/authors/{username}, /{community} or /{community}/{story}; null for any other path.</summary>
    private static string[]? PageOf(PathString path)
    {
        var segments = (path.Value ?? "").Trim('/').Split('/');
        return segments switch
        {
            ["authors", { Length: > 0 }] => segments,
            [{ Length: > 0 } first] when !CommunitySlugRules.IsReserved(first) && !first.Contains('.') => segments,
            [{ Length: > 0 } first, { Length: > 0 } second] when !CommunitySlugRules.IsReserved(first) && !first.Contains('.') && !second.Contains('.') => segments,
            _ => null,
        };
    }

    private static async Task<JsonObject?> DocumentAsync(IServiceProvider services, string[] page, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FolioDb>();
        switch (page)
        {
            case ["authors", var username]:
                var upper = username.ToUpperInvariant();
                var userId = await db.Users.Where(u => u.NormalizedUserName == upper).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                return userId is null ? null : await services.GetRequiredService<ActorDocuments>().PersonAsync(userId, cancellationToken);
            case [var slug]:
                var lower = slug.ToLowerInvariant();
                var communityId = await db.Communities.Where(c => c.Slug == lower).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
                return communityId is null ? null : await services.GetRequiredService<ActorDocuments>().GroupAsync(communityId.Value, cancellationToken);
            case [var community, var story]:
                var (communitySlug, storySlug) = (community.ToLowerInvariant(), story.ToLowerInvariant());
                var storyId = await db.Stories.Where(s => s.Community.Slug == communitySlug && s.Slug == storySlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
                return storyId is null ? null : await services.GetRequiredService<ArticleDocuments>().ForStoryAsync(storyId.Value, cancellationToken);
            default:
                return null;
        }
    }
}
