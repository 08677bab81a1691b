using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Folio.Features.Transfer;

/// <summary>Inline HTML (text, emphasis, links, images, code, line breaks) to Markdown, escaped so text stays text.</summary>
internal static partial class MarkdownInlines
{
    public const string HardBreak = "\\\n";

    public static string Children(INode parent, string lineBreak = HardBreak) =>
        string.Concat(parent.ChildNodes.Select(child => Of(child, lineBreak)));

    public static string Of(INode node, string lineBreak = HardBreak) => node switch
    {
        IText text => Escape(Whitespace().Replace(text.Data, " ")),
        IElement element => OfElement(element, lineBreak),
        _ => "",
    };

    /// <summary>Inline Markdown as one paragraph: HTML's whitespace rules applied, no stray breaks at either end.</summary>
    public static string Paragraph(string inline)
    {
        var lines = inline.Split('\n').Select(line => Spaces().Replace(line, " ").Trim()).ToList();
        var text = string.Join('\n', lines).Trim();
        while (text.EndsWith('\\') && !text.EndsWith("\\\\", StringComparison.Ordinal))
        {
            text = text[..^1].TrimEnd();
        }

        while (text.StartsWith(HardBreak, StringComparison.Ordinal))
        {
            text = text[HardBreak.Length..].TrimStart();
        }

        return string.Join('\n', text.Split('\n').Select(EscapeLineStart));
    }

    /// <summary>One line of inline Markdown (a heading, a caption, a table cell): line breaks become spaces.</summary>
    public static string Line(IElement element) => Paragraph(Children(element, " ")).Replace('\n', ' ');

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var wordBefore = i > 0 && char.IsLetterOrDigit(text[i - 1]);
            var wordAfter = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (c is '\\' or '*' or '`' or '[' or ']' or '<' or '~' || c == '_' && !(wordBefore && wordAfter))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return Entity().Replace(escaped.ToString(), match => "\\" + match.Value);
    }

    public static string Link(string text, string href, string? title)
    {
        var destination = href.Trim().Replace(" ", "%20");
        if (destination.IndexOfAny(['(', ')', '<', '>']) >= 0)
        {
            destination = "<" + destination.Replace("<", "%3C").Replace(">", "%3E") + ">";
        }

        var titlePart = string.IsNullOrWhiteSpace(title) ? "" : $" \"{title.Trim().Replace("\"", "\\\"")}\"";
        return $"[{text}]({destination}{titlePart})";
    }

    public static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string OfElement(IElement element, string lineBreak) => element.LocalName switch
    {
        _ when HtmlToMarkdown.IsDropped(element) => "",
        "br" => lineBreak,
        "strong" or "b" => Wrap(Children(element, lineBreak), "**"),
        "em" or "i" => Wrap(Children(element, lineBreak), "*"),
        "del" or "s" or "strike" => Wrap(Children(element, lineBreak), "~~"),
        "code" or "kbd" or "samp" or "tt" => CodeSpan(element.TextContent),
        "a" => Anchor(element, lineBreak),
        "img" => Image(element),
        "iframe" or "video" or "audio" => HtmlToMarkdown.Embed(element),

        // A block inside inline content (a <div> inside a link) still separates words.
        _ when HtmlToMarkdown.IsBlock(element) => " " + Children(element, lineBreak) + " ",
        _ => Children(element, lineBreak),
    };

    /// <summary>Markers hug the text: "&lt;b&gt; bold &lt;/b&gt;" is " **bold** ", since "** bold **" is not emphasis.</summary>
    private static string Wrap(string inner, string marker)
    {
        var trimmed = inner.Trim();
        if (trimmed.Length == 0)
        {
            return inner;
        }

        var lead = inner[..(inner.Length - inner.TrimStart().Length)];
        var trail = inner[inner.TrimEnd().Length..];
        return lead + marker + trimmed + marker + trail;
    }

    private static string CodeSpan(string code)
    {
        code = Whitespace().Replace(code, " ");
        if (code.Trim().Length == 0)
        {
            return code;
        }

        var fence = new string('`', LongestRun(code, '`') + 1);
        var pad = code.StartsWith('`') || code.EndsWith('`') ? " " : "";
        return fence + pad + code + pad + fence;
    }

    private static string Anchor(IElement anchor, string lineBreak)
    {
        var text = Children(anchor, lineBreak).Trim();
        var href = anchor.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        if (text.Length == 0)
        {
            text = Escape(href);
        }

        return Link(text, href, anchor.GetAttribute("title"));
    }

    private static string Image(IElement image)
    {
        var source = image.GetAttribute("src")?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            return "";
        }

        var alt = Escape(Whitespace().Replace(image.GetAttribute("alt") ?? "", " ").Trim());
        return "!" + Link(alt, source, image.GetAttribute("title"));
    }

    /// <summary>Text that would start a heading, quote or list when it opens a line is escaped to stay text.</summary>
    private static string EscapeLineStart(string line)
    {
        if (!LineStartMarker().IsMatch(line))
        {
            return line;
        }

        var ordered = OrderedMarker().Match(line);
        return ordered.Success ? line.Insert(ordered.Groups[2].Index, "\\") : "\\" + line;
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(#{1,6}(\s|$)|>|[-+](\s|$)|=+\s*$|-+\s*$|\d{1,9}[.)](\s|$))")]
    private static partial Regex LineStartMarker();

    [GeneratedRegex(@"^(\d{1,9})([.)])")]
    private static partial Regex OrderedMarker();
}
