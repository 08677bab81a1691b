using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Folio.Features.Transfer;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// A remote Note's HTML as the Markdown a comment is stored as, so it is rendered and sanitised like a local comment:
/// paragraphs, line breaks, emphasis and links stay; scripts, handlers and javascript: links go. The @-mentions of this
/// site's people that Mastodon puts before a reply's text go too: on the story page they would only repeat who is replied to.
/// </summary>
public static class RemoteNoteBody
{
    public static string FromHtml(string? html, string localHost)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = new HtmlParser().ParseDocument(html);
        if (document.Body is not { } body)
        {
            return "";
        }

        var first = body.Children.FirstOrDefault() is { LocalName: "p" } paragraph ? paragraph : body;
        while (FirstContent(first) is { } leading && IsLocalMention(leading, localHost))
        {
            RemoveWithWrapper(leading, first);
        }

        return HtmlToMarkdown.Convert(body.InnerHtml).Trim();
    }

    /// <summary>The first element or non-blank text inside <paramref name="parent"/>, looking through wrappers (Mastodon's h-card span).</summary>
    private static INode? FirstContent(INode parent)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text when string.IsNullOrWhiteSpace(text.Data):
                    continue;
                case IElement { LocalName: "span" } span when span.QuerySelector("a") is not null:
                    return FirstContent(span);
                default:
                    return child;
            }
        }

        return null;
    }

    private static bool IsLocalMention(INode node, string localHost) =>
        node is IElement { LocalName: "a" } anchor
        && anchor.TextContent.TrimStart().StartsWith('@')
        && Uri.TryCreate(anchor.GetAttribute("href"), UriKind.Absolute, out var href)
        && string.Equals(href.Authority, localHost, StringComparison.OrdinalIgnoreCase);

    private static void RemoveWithWrapper(INode mention, INode container)
    {
        var removed = mention;
        while (removed.Parent is IElement { LocalName: "span" } wrapper && wrapper != container && wrapper.ChildNodes.Length == 1)
        {
            removed = wrapper;
        }

        removed.Parent!.RemoveChild(removed);
    }
}
