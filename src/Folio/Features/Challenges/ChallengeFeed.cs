using System.ServiceModel.Syndication;
using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Feeds;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

/// <summary>
/// The newest challenges as Atom at /challenges/feed (and /challenges/feed.atom), and as RSS at /challenges/feed.xml,
/// the names the site's other feeds use. An entry is a challenge: its prompt, and its dates in UTC.
/// </summary>
public static class ChallengeFeed
{
    public const int Size = 20;

    public static IEndpointRouteBuilder MapChallengeFeed(this IEndpointRouteBuilder endpoints)
    {
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        foreach (var (path, format) in new[] { ("/challenges/feed", FeedFormat.Atom), ("/challenges/feed.atom", FeedFormat.Atom), ("/challenges/feed.xml", FeedFormat.Rss) })
        {
            endpoints.MapMethods(path, getOrHead, async (FolioDb db, SiteUrls urls, HttpContext http, CancellationToken cancellationToken) =>
            {
                http.TagCachedPage(PageCacheTags.Challenges);
                var challenges = await db.Challenges.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                    .ToSummaries().Take(Size).ToListAsync(cancellationToken);
                var feed = Build(challenges, urls, path);
                SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed) : new Atom10FeedFormatter(feed);
                return new XmlDocumentResult(format.ContentType(), formatter.WriteTo);
            }).CacheOutput(PageCachePolicies.Page);
        }

        return endpoints;
    }

    private static SyndicationFeed Build(IReadOnlyList<ChallengeSummary> challenges, SiteUrls urls, string path)
    {
        var page = new Uri(urls.Absolute("/challenges"));
        var feed = new SyndicationFeed("Challenges", "Writing challenges: a prompt, a deadline and judges.", page)
        {
            Id = page.AbsoluteUri,
            Language = "en",
            Generator = "Folio",
            LastUpdatedTime = challenges.Count == 0 ? DateTimeOffset.UnixEpoch : Utc(challenges.Max(c => Later(c.CreatedAt, c.UpdatedAt))),
            Items = [.. challenges.Select(c => Item(c, urls))],
        };
        feed.Links.Add(new SyndicationLink(new Uri(urls.Absolute(path)), "self", "Challenges", null, 0));
        return feed;
    }

    private static SyndicationItem Item(ChallengeSummary challenge, SiteUrls urls)
    {
        var link = new Uri(urls.Absolute($"/challenges/{challenge.Slug}"));
        var where = challenge.CommunityName ?? "Site-wide";
        var summary = $"<p>{System.Net.WebUtility.HtmlEncode(where)}. Opens {challenge.OpensAt:yyyy-MM-dd HH:mm} UTC, closes {challenge.ClosesAt:yyyy-MM-dd HH:mm} UTC.</p>";
        return new SyndicationItem(challenge.Title, new TextSyndicationContent(summary + challenge.PromptHtml, TextSyndicationContentKind.Html), link, link.AbsoluteUri,
            Utc(Later(challenge.CreatedAt, challenge.UpdatedAt)))
        {
            PublishDate = Utc(challenge.CreatedAt),
        };
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
