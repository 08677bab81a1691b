using Folio.Data;
using Folio.Features.Communities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Feeds;

/// <summary>
/// /feed.xml and /feed.atom for the site, and the same two names under a community, a tag, a creator and a series. Story slugs
/// cannot contain a dot, and a literal segment outranks a parameter in routing, so /{community}/feed.xml is never a story.
/// </summary>
public static class FeedEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            var name = format.FileName();
            endpoints.MapMethods($"/{name}", GetOrHead, async (FeedSources sources, FeedWriter writer, CancellationToken cancellationToken) =>
                Serve(await sources.SiteAsync(cancellationToken), format, writer));
            endpoints.MapMethods($"/{{community}}/{name}", GetOrHead, async (string community, FeedSources sources, FeedWriter writer, FolioDb db, HttpRequest request, CancellationToken cancellationToken) =>
                await sources.CommunityAsync(community, cancellationToken) is { } feed ? writer.Result(feed, format)
                : await db.MovedToAsync(community, cancellationToken) is { } movedTo ? Results.Redirect(CommunitySlugRedirects.MovedPath(request, movedTo), permanent: true)
                : Results.NotFound());
            endpoints.MapMethods($"/tags/{{tag}}/{name}", GetOrHead, async (string tag, FeedSources sources, FeedWriter writer, CancellationToken cancellationToken) =>
                Serve(await sources.TagAsync(tag, cancellationToken), format, writer));
            endpoints.MapMethods($"/authors/{{username}}/{name}", GetOrHead, async (string username, FeedSources sources, FeedWriter writer, CancellationToken cancellationToken) =>
                Serve(await sources.CreatorAsync(username, cancellationToken), format, writer));
            endpoints.MapMethods($"/authors/{{username}}/series/{{slug}}/{name}", GetOrHead, async (string username, string slug, FeedSources sources, FeedWriter writer, HttpContext http, CancellationToken cancellationToken) =>
                Serve(await sources.SeriesAsync(username, slug, http, cancellationToken), format, writer));
        }

        return endpoints;
    }

    private static Results<XmlDocumentResult, NotFound> Serve(Feed? feed, FeedFormat format, FeedWriter writer) =>
        feed is null ? TypedResults.NotFound() : writer.Result(feed, format);
}
