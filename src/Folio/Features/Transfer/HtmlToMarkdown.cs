using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Folio.Features.Transfer;

/// <summary>
/// HTML from another platform (a Ghost post) to the Markdown Folio stores. Covers what blog posts are written with:
/// paragraphs, headings, emphasis, links, images, nested lists, quotes, code, rules, line breaks, figures with captions
/// and tables. Scripts, styles and forms go; any other wrapper goes but keeps its content.
/// </summary>
public static class HtmlToMarkdown
{
    private static readonly HashSet<string> Dropped =
    [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "canvas", "form", "input", "button",
        "select", "textarea", "object", "embed",
    ];

    private static readonly HashSet<string> Containers =
    [
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "details", "summary", "dl", "dt", "dd", "address",
        "center", "body", "html", "hgroup", "picture",
    ];

    public static string Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var body = new HtmlParser().ParseDocument(html).Body;
        var markdown = body is null ? "" : Blocks.Join(BlocksOf(body));
        return markdown.Length == 0 ? "" : markdown + "\n";
    }

    /// <summary>The Markdown blocks of an element's children: runs of inline content become paragraphs.</summary>
    internal static List<Block> BlocksOf(INode parent, INode? except = null)
    {
        var blocks = new List<Block>();
        var inline = new StringBuilder();

        void FlushInline()
        {
            var paragraph = MarkdownInlines.Paragraph(inline.ToString());
            if (paragraph.Length > 0)
            {
                blocks.Add(new Block(paragraph, BlockKind.Text));
            }

            inline.Clear();
        }

        foreach (var child in parent.ChildNodes.Where(c => c != except))
        {
            if (child is IElement element && IsBlock(element))
            {
                FlushInline();
                blocks.AddRange(BlockOf(element));
            }
            else
            {
                inline.Append(MarkdownInlines.Of(child));
            }
        }

        FlushInline();
        return blocks;
    }

    internal static bool IsDropped(IElement element) => Dropped.Contains(element.LocalName);

    internal static bool IsBlock(IElement element) =>
        element.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "blockquote" or "pre" or "hr"
            or "figure" or "table" or "iframe" or "video" or "audio" or "figcaption"
        || Containers.Contains(element.LocalName)
        || Dropped.Contains(element.LocalName);

    private static IEnumerable<Block> BlockOf(IElement element)
    {
        switch (element.LocalName)
        {
            case var name when Dropped.Contains(name):
                return [];
            case "p" or "figcaption":
                return Single(MarkdownInlines.Paragraph(MarkdownInlines.Children(element)), BlockKind.Other);
            case ['h', var level and >= '1' and <= '6']:
                // The story's title is its page's only h1, so a heading of the first level becomes one of the second.
                var heading = MarkdownInlines.Line(element);
                return Single(heading.Length == 0 ? "" : $"{new string('#', Math.Max(2, level - '0'))} {heading}");
            case "ul" or "ol":
                return Single(MarkdownLists.Of(element), BlockKind.List);
            case "blockquote":
                return Single(Blocks.Prefix(Blocks.Join(BlocksOf(element)), "> ", ">"));
            case "pre":
                return Single(CodeBlock(element));
            case "hr":
                return Single("---");
            case "figure" when element.ClassList.Contains("kg-bookmark-card"):
                return Single(Bookmark(element));
            case "figure":
                return Figure(element);
            case "table":
                return Single(MarkdownTables.Of(element));
            case "iframe" or "video" or "audio":
                return Single(Embed(element));
            default:
                return BlocksOf(element);
        }
    }

    private static IEnumerable<Block> Single(string markdown, BlockKind kind = BlockKind.Other) =>
        markdown.Length == 0 ? [] : [new Block(markdown, kind)];

    private static string CodeBlock(IElement pre)
    {
        var code = pre.Children.Length == 1 && pre.Children[0].LocalName == "code" ? pre.Children[0] : pre;
        var text = code.TextContent.ReplaceLineEndings("\n").TrimEnd('\n');
        var language = new[] { code, pre }.SelectMany(e => e.ClassList)
            .FirstOrDefault(c => c.StartsWith("language-", StringComparison.Ordinal) || c.StartsWith("lang-", StringComparison.Ordinal))
            ?.Split('-', 2)[1] ?? "";
        var fence = new string('`', Math.Max(3, MarkdownInlines.LongestRun(text, '`') + 1));
        return $"{fence}{language}\n{text}\n{fence}";
    }

    /// <summary>Markdig's figure syntax: the content between ^^^ lines, the caption after the closing one.</summary>
    private static IEnumerable<Block> Figure(IElement figure)
    {
        var caption = figure.Children.FirstOrDefault(c => c.LocalName == "figcaption");
        var content = Blocks.Join(BlocksOf(figure, except: caption));
        var captionText = caption is null ? "" : MarkdownInlines.Line(caption);
        if (content.Length == 0 || captionText.Length == 0)
        {
            return Single(content.Length > 0 ? content : captionText);
        }

        return Single($"^^^\n{content}\n^^^ {captionText}");
    }

    /// <summary>Ghost's link preview card: its title as the link, its description under it; icon and thumbnail stay behind.</summary>
    private static string Bookmark(IElement card)
    {
        var href = card.QuerySelector("a[href]")?.GetAttribute("href");
        var title = card.QuerySelector(".kg-bookmark-title")?.TextContent.Trim();
        if (string.IsNullOrWhiteSpace(href) || string.IsNullOrEmpty(title))
        {
            return MarkdownInlines.Paragraph(MarkdownInlines.Children(card));
        }

        var description = card.QuerySelector(".kg-bookmark-description")?.TextContent.Trim();
        var link = MarkdownInlines.Link(MarkdownInlines.Escape(title), href, null);
        return string.IsNullOrEmpty(description) ? link : link + MarkdownInlines.HardBreak + MarkdownInlines.Paragraph(MarkdownInlines.Escape(description));
    }

    /// <summary>Video embeds the site allows stay as they are; anything else becomes a link to what was embedded.</summary>
    internal static string Embed(IElement element)
    {
        var source = element.GetAttribute("src") ?? element.QuerySelector("source[src]")?.GetAttribute("src");
        if (string.IsNullOrWhiteSpace(source))
        {
            return "";
        }

        var title = element.GetAttribute("title");
        if (element.LocalName == "iframe" && Shared.Markdown.SafeHtml.IsAllowedEmbed(source))
        {
            var titleAttribute = string.IsNullOrWhiteSpace(title) ? "" : $" title=\"{System.Net.WebUtility.HtmlEncode(title)}\"";
            return $"<iframe src=\"{System.Net.WebUtility.HtmlEncode(source)}\"{titleAttribute} allowfullscreen></iframe>";
        }

        return MarkdownInlines.Link(string.IsNullOrWhiteSpace(title) ? MarkdownInlines.Escape(source) : MarkdownInlines.Escape(title), source, null);
    }
}

internal enum BlockKind
{
    /// <summary>Inline content without a &lt;p&gt; of its own, such as a list item's text.</summary>
    Text,
    List,
    Other,
}

internal sealed record Block(string Markdown, BlockKind Kind);

internal static class Blocks
{
    public static string Join(IEnumerable<Block> blocks) => string.Join("\n\n", blocks.Select(b => b.Markdown));

    /// <summary>Puts <paramref name="prefix"/> before every line (<paramref name="blankPrefix"/> before blank ones), for quotes and list items.</summary>
    public static string Prefix(string markdown, string prefix, string blankPrefix, string? firstPrefix = null) =>
        string.Join('\n', markdown.Split('\n').Select((line, i) =>
            (i == 0 && firstPrefix is not null ? firstPrefix : line.Length == 0 ? blankPrefix : prefix) + line));
}
