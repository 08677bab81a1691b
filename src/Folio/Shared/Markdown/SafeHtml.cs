using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Folio.Shared.Markdown;

/// <summary>
/// What may survive from Markdown (and the raw HTML it can carry) into a page: no scripts,
/// event handlers, javascript: URLs, forms or frames, except embeds from an allow-list of video hosts.
/// </summary>
public static partial class SafeHtml
{
    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output"];

    public static string Sanitize(string html)
    {
        using var document = SanitizeDom(html);
        return BodyHtml(document);
    }

    /// <summary>The sanitised document itself, for a caller that reads more from it than the markup.</summary>
    public static IHtmlDocument SanitizeDom(string html) => StorySanitizer.SanitizeDom(html);

    /// <summary>The body's markup, written the way <see cref="HtmlSanitizer.Sanitize"/> writes it.</summary>
    public static string BodyHtml(IHtmlDocument document) => document.Body?.ChildNodes.ToHtml(HtmlSanitizer.DefaultOutputFormatter) ?? "";

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    private static readonly string[] CommentTags = ["p", "br", "em", "strong", "del", "a", "code", "pre", "blockquote"];

    /// <summary>Comments keep only text formatting; every link is marked as user content nobody vouched for.</summary>
    public static string SanitizeComment(string html) => CommentSanitizer.Sanitize(html);

    public static bool IsAllowedEmbed(string? src) => src is not null && VideoEmbed().IsMatch(src);

    // Built once and shared: HtmlSanitizer's Sanitize methods are thread-safe on one instance whose settings no longer
    // change (its README, "Thread safety"), and building one copies its default lists, which cost an import of many
    // comments more than sanitising them. The handlers below keep no state of their own.
    private static readonly HtmlSanitizer StorySanitizer = CreateStorySanitizer();
    private static readonly HtmlSanitizer CommentSanitizer = CreateCommentSanitizer();

    private static HtmlSanitizer CreateStorySanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedTags.Add("iframe");
        sanitizer.AllowedAttributes.UnionWith(["id", "loading", "allowfullscreen", "title"]);
        sanitizer.AllowedAttributes.Remove("style"); // the Content-Security-Policy forbids inline styles anyway
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(LinkSchemes);
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            MoveAnchorsIntoUserContent(element);
            switch (element.LocalName)
            {
                case "iframe" when !IsAllowedEmbed(element.GetAttribute("src")):
                    element.Remove();
                    break;
                case "iframe":
                    element.SetAttribute("loading", "lazy");
                    element.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
                    break;
                case "img":
                    element.SetAttribute("loading", "lazy");
                    element.SetAttribute("decoding", "async");
                    SizeStoredImage(element);
                    break;
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// Ids and names in a body, the author's and Markdig's heading ids alike, get the prefix GitHub uses, so "main" or
    /// "comment-607" cannot take over the page's own anchors; links within the body follow them.
    /// </summary>
    private static void MoveAnchorsIntoUserContent(IElement element)
    {
        foreach (var attribute in AnchorAttributes)
        {
            if (element.GetAttribute(attribute) is { Length: > 0 } anchor)
            {
                element.SetAttribute(attribute, UserContent(anchor));
            }
        }

        if (element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
        {
            element.SetAttribute("href", "#" + UserContent(href[1..]));
        }
    }

    /// <summary>A picture Folio stored knows its size and widths, so it takes its space before it loads and fits the screen.</summary>
    private static void SizeStoredImage(IElement image)
    {
        if (Images.ResponsiveImage.Parse(image.GetAttribute("src")) is { } stored)
        {
            image.SetAttribute("width", stored.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            image.SetAttribute("height", stored.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            image.SetAttribute("srcset", stored.SrcSet("jpg"));
            image.SetAttribute("sizes", "(min-width: 44rem) 40rem, 100vw");
        }
    }

    private static readonly string[] AnchorAttributes = ["id", "name"];

    private const string UserContentPrefix = "user-content-";

    // Already prefixed stays as it is, so HTML that comes back in (an export imported again) is not prefixed twice.
    private static string UserContent(string anchor) =>
        anchor.StartsWith(UserContentPrefix, StringComparison.Ordinal) ? anchor : UserContentPrefix + anchor;

    private static HtmlSanitizer CreateCommentSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(CommentTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(LinkSchemes);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"^https://(www\.youtube\.com/embed/|www\.youtube-nocookie\.com/embed/|player\.vimeo\.com/video/)[A-Za-z0-9_\-]+(\?[A-Za-z0-9_=&\-]*)?$")]
    private static partial Regex VideoEmbed();
}
