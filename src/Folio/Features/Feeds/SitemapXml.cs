using System.Xml;
using Folio.Pages.Shared;

namespace Folio.Features.Feeds;

/// <summary>An address in a sitemap file, or a part file in the sitemap index, with when it last changed if known.</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModified);

/// <summary>Writes the two kinds of sitemaps.org files: a urlset (a part) and a sitemapindex (the list of parts).</summary>
public sealed class SitemapXml(SiteUrls urls)
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ContentType = "application/xml; charset=utf-8";

    public XmlDocumentResult UrlSet(IEnumerable<SitemapEntry> entries) => new(ContentType, writer => Write(writer, "urlset", "url", entries));

    public XmlDocumentResult Index(IEnumerable<SitemapEntry> parts) => new(ContentType, writer => Write(writer, "sitemapindex", "sitemap", parts));

    private void Write(XmlWriter writer, string root, string element, IEnumerable<SitemapEntry> entries)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement(root, Namespace);
        foreach (var (path, lastModified) in entries)
        {
            writer.WriteStartElement(element, Namespace);
            writer.WriteElementString("loc", Namespace, urls.Absolute(path));
            if (lastModified is { } at)
            {
                writer.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ"));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
