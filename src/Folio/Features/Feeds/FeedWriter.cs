using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Folio.Pages.Shared;

namespace Folio.Features.Feeds;

/// <summary>Writes a <see cref="Feed"/> as RSS 2.0 or Atom 1.0 with absolute links, leaving dates and escaping to the library.</summary>
public sealed partial class FeedWriter(SiteUrls urls, TimeProvider clock)
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public XmlDocumentResult Result(Feed feed, FeedFormat format)
    {
        var syndication = Build(feed, format);
        SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(syndication) : new Atom10FeedFormatter(syndication);
        return new XmlDocumentResult(format.ContentType(), formatter.WriteTo);
    }

    private SyndicationFeed Build(Feed feed, FeedFormat format)
    {
        var page = new Uri(urls.Absolute(feed.PagePath));
        var self = new Uri(urls.Absolute($"{feed.FeedPathPrefix}/{format.FileName()}"));
        var syndication = new SyndicationFeed(feed.Title, null, page)
        {
            Description = PlainText(feed.Description, format),
            Id = page.AbsoluteUri,
            Language = "en",
            Generator = "Folio",
            LastUpdatedTime = feed.Entries.Count == 0 ? clock.GetUtcNow() : Utc(feed.Entries.Max(e => e.LastChangedAt)),
            Items = feed.Entries.Select(entry => Item(entry, format)).ToList(),
        };
        syndication.Links.Add(new SyndicationLink(self, "self", feed.Title, format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml", 0));
        if (format == FeedFormat.Rss)
        {
            syndication.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), Content.NamespaceName);
            syndication.AttributeExtensions.Add(new XmlQualifiedName("dc", XNamespace.Xmlns.NamespaceName), DublinCore.NamespaceName);
        }

        return syndication;
    }

    private SyndicationItem Item(FeedEntry entry, FeedFormat format)
    {
        var link = new Uri(urls.Absolute(entry.Path));
        var item = new SyndicationItem
        {
            Title = new TextSyndicationContent(entry.Title),
            Summary = PlainText(FeedLabels.Summary(entry.Subtitle, entry.Labels), format),
            PublishDate = Utc(entry.PublishedAt),
            LastUpdatedTime = Utc(entry.LastChangedAt),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
        item.Authors.Add(new SyndicationPerson { Name = entry.AuthorName, Uri = urls.Absolute($"/authors/{entry.AuthorUsername}") });
        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        foreach (var category in FeedLabels.Categories(entry.Labels, urls))
        {
            item.Categories.Add(category);
        }

        var html = AbsoluteLinks(entry.BodyHtml);
        if (format == FeedFormat.Rss)
        {
            // The permalink is the GUID; content:encoded and dc:creator are how RSS readers expect full text and a name without an email.
            item.Id = link.AbsoluteUri;
            item.ElementExtensions.Add(new XElement(Content + "encoded", html));
            item.ElementExtensions.Add(new XElement(DublinCore + "creator", entry.AuthorName));
        }
        else
        {
            // The story's number, not its URL: a story keeps its Atom id when its slug or community changes.
            item.Id = $"tag:{new Uri(urls.Origin).Host},{entry.CreatedAt:yyyy-MM-dd}:story:{entry.Id}";
            item.Content = SyndicationContent.CreateHtmlContent(html);
        }

        return item;
    }

    /// <summary>
    /// Plain text for a description or summary. RSS has no text type: readers show every description as HTML, so the
    /// text is encoded as HTML there; Atom marks it type="text". RSS titles are text in readers and stay as they are.
    /// </summary>
    private static TextSyndicationContent PlainText(string text, FeedFormat format) =>
        new(format == FeedFormat.Rss ? WebUtility.HtmlEncode(text) : text);

    /// <summary>Stored bodies link images and pages by site path; a feed reader shows them on another site.</summary>
    private string AbsoluteLinks(string html) => SitePathAttribute().Replace(html, match => $"{match.Groups[1].Value}=\"{urls.Origin}/");

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [GeneratedRegex("""\b(src|href)="/(?!/)""")]
    private static partial Regex SitePathAttribute();
}
