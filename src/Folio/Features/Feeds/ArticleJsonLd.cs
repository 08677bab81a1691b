using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Folio.Features.Labels;
using Folio.Pages.Shared;

namespace Folio.Features.Feeds;

/// <summary>
/// schema.org Article for a story page, as JSON-LD. The encoder escapes &lt;, &gt;, &amp; and quotes, so no title can
/// close the script element it sits in; other characters stay readable.
/// </summary>
public static class ArticleJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="imageUrl">The page's sharing picture (<see cref="SharingCards.SharingImage"/>), absolute.</param>
    public static string Serialize(PageHead head, string canonicalUrl, string siteName, string imageUrl, SiteUrls urls)
    {
        var article = Object(new()
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = head.Title,
            ["description"] = head.Description,
            ["image"] = imageUrl,
            ["datePublished"] = Iso(head.PublishedAt),
            ["dateModified"] = Iso(head.ModifiedAt ?? head.PublishedAt),
            ["author"] = head.AuthorName is null ? null : Object(new()
            {
                ["@type"] = "Person",
                ["name"] = head.AuthorName,
                ["url"] = head.AuthorPath is null ? null : urls.Absolute(head.AuthorPath),
            }),
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "Organization",
                ["name"] = siteName,
                ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = urls.Absolute("/favicon.svg") },
            },
            ["mainEntityOfPage"] = new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["keywords"] = head.Tags.Count == 0 ? null : string.Join(", ", head.Tags),
            ["wordCount"] = head.WordCount,
            ["articleSection"] = head.Section,
            ["contentRating"] = head.Labels.IsWarned ? WarningText.Of(head.Labels) : null,
            ["digitalSourceType"] = DigitalSourceType(head.Labels.Making),
        });
        return JsonSerializer.Serialize(article, Options);
    }

    /// <summary>
    /// IPTC's digital source codes as schema.org names them: AI-generated text is trained algorithmic media, text a person
    /// wrote and AI helped edit is a composite with it. Nothing is claimed for a story written by a person.
    /// </summary>
    private static string? DigitalSourceType(StoryMaking making) => making switch
    {
        StoryMaking.AiGenerated => "https://schema.org/TrainedAlgorithmicMediaDigitalSource",
        StoryMaking.AiAssistedEditing => "https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource",
        _ => null,
    };

    /// <summary>Leaves out what the page does not know rather than writing nulls.</summary>
    private static Dictionary<string, object> Object(Dictionary<string, object?> properties) =>
        properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

    public static string Absolute(string url, SiteUrls urls) => url.StartsWith('/') && !url.StartsWith("//") ? urls.Absolute(url) : url;

    private static string? Iso(DateTime? value) =>
        value is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ") : null;
}
