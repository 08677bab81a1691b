using System.Text;
using System.Xml;
using Folio.Data;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Feeds;

/// <summary>
/// /sitemap.xml per the sitemap protocol: the site's pages, communities, published stories, creators and tags.
/// One file holds at most 50,000 URLs; past that the oldest stories are left out (a sitemap index would be the next step).
/// </summary>
public sealed class Sitemap(FolioDb db, SiteUrls urls)
{
    public const int MaxUrls = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] SitePages = ["/", "/explore", "/insights", "/contact", "/privacy", "/terms", "/support", "/developers"];

    public async Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var entries = new List<(string Path, DateTime? LastModified)>();
        entries.AddRange(SitePages.Select(path => (path, (DateTime?)null)));

        var published = db.Stories.Published();
        entries.AddRange((await db.Communities.OrderBy(c => c.Slug)
            .Select(c => new { c.Slug, Last = published.Where(s => s.CommunityId == c.Id).Max(s => (DateTime?)s.PublishedAt) })
            .ToListAsync(cancellationToken)).Select(c => ($"/{c.Slug}", c.Last)));
        entries.AddRange((await db.Users.Where(u => published.Any(s => s.AuthorId == u.Id)).OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, Last = published.Where(s => s.AuthorId == u.Id).Max(s => s.PublishedAt) })
            .ToListAsync(cancellationToken)).Select(u => ($"/authors/{u.UserName}", u.Last)));
        entries.AddRange((await db.Tags.Where(t => published.Any(s => s.Tags.Any(x => x.Id == t.Id))).OrderBy(t => t.Slug)
            .Select(t => new { t.Slug, Last = published.Where(s => s.Tags.Any(x => x.Id == t.Id)).Max(s => s.PublishedAt) })
            .ToListAsync(cancellationToken)).Select(t => ($"/tags/{t.Slug}", t.Last)));

        var room = Math.Max(0, MaxUrls - entries.Count);
        entries.AddRange((await published.NewestFirst().Take(room)
            .Select(s => new { Community = s.Community.Slug, s.Slug, s.PublishedAt, s.UpdatedAt })
            .ToListAsync(cancellationToken))
            .Select(s => (StoryLinks.Path(s.Community, s.Slug), (DateTime?)(s.UpdatedAt > s.PublishedAt ? s.UpdatedAt : s.PublishedAt))));

        return Write(entries.Take(MaxUrls));
    }

    private byte[] Write(IEnumerable<(string Path, DateTime? LastModified)> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (path, lastModified) in entries)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, urls.Absolute(path));
                if (lastModified is { } at)
                {
                    writer.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ"));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return stream.ToArray();
    }
}

public static class SitemapEndpoints
{
    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/sitemap.xml", [HttpMethods.Get, HttpMethods.Head], async (Sitemap sitemap, CancellationToken cancellationToken) =>
            TypedResults.File(await sitemap.WriteAsync(cancellationToken), "application/xml; charset=utf-8"));
        return endpoints;
    }
}
