using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Folio.Features.Newsletters;

/// <summary>
/// A story's stored (sanitised) HTML made ready for an email: its opening, cut at an element's end after about three
/// paragraphs or 1,200 characters (or all of it), with every link and picture absolute, pictures sized for a 600 px
/// column, and a video embed, which no mail client plays, as a link to it. Plus the same as plain text.
/// </summary>
public sealed partial class EmailBody
{
    public const int OpeningParagraphs = 3;
    public const int OpeningCharacters = 1200;

    /// <summary>The widest a picture in the email's column can be: 600 px less the card's padding.</summary>
    public const int ColumnWidth = 536;

    private EmailBody(string html, string text, bool isCut)
    {
        Html = html;
        Text = text;
        IsCut = isCut;
    }

    public string Html { get; }
    public string Text { get; }

    /// <summary>True when the story goes on past what the email shows.</summary>
    public bool IsCut { get; }

    public static EmailBody From(string storyHtml, string siteOrigin, bool whole)
    {
        using var document = new HtmlParser().ParseDocument($"<body>{storyHtml}</body>");
        var body = document.Body!;
        var kept = new List<IElement>();
        var paragraphs = 0;
        var characters = 0;
        var isCut = false;
        foreach (var element in body.Children.ToList())
        {
            if (!whole && (paragraphs >= OpeningParagraphs || characters >= OpeningCharacters))
            {
                isCut = true;
                element.Remove();
                continue;
            }

            kept.Add(element);
            characters += element.TextContent.Length;
            paragraphs += element.LocalName == "p" ? 1 : 0;
        }

        // Between rendered Markdown's elements is only whitespace; a cut story loses that after its cut as well.
        foreach (var node in body.ChildNodes.Where(n => n is not IElement && isCut).ToList())
        {
            body.RemoveChild(node);
        }

        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            Prepare(element, siteOrigin);
        }

        var text = new StringBuilder();
        foreach (var element in body.Children)
        {
            AppendText(text, element);
        }

        return new EmailBody(body.ChildNodes.ToHtml(HtmlSanitizer.DefaultOutputFormatter), text.ToString().TrimEnd(), isCut);
    }

    private static void Prepare(IElement element, string siteOrigin)
    {
        foreach (var attribute in new[] { "href", "src" })
        {
            if (element.GetAttribute(attribute) is { } url)
            {
                element.SetAttribute(attribute, Absolute(url, siteOrigin));
            }
        }

        switch (element.LocalName)
        {
            case "img":
                SizeForColumn(element);
                element.RemoveAttribute("loading");
                element.RemoveAttribute("decoding");
                element.RemoveAttribute("srcset");
                element.RemoveAttribute("sizes");
                element.SetAttribute("style", "display:block;max-width:100%;height:auto;border:0;margin:0 auto;");
                break;
            case "source":
                // A <picture>'s other formats: mail clients read the <img> inside it.
                element.Remove();
                break;
            case "iframe":
                var link = element.Owner!.CreateElement("a");
                link.SetAttribute("href", element.GetAttribute("src") ?? siteOrigin);
                link.TextContent = element.GetAttribute("title") is { Length: > 0 } title ? $"Watch “{title}”" : "Watch the video";
                var paragraph = element.Owner.CreateElement("p");
                paragraph.AppendChild(link);
                element.Replace(paragraph);
                break;
            case "a":
                element.SetAttribute("style", "color:#2f6b45;text-decoration:underline;");
                break;
            case "blockquote":
                element.SetAttribute("style", "margin:16px 0;padding:0 0 0 16px;border-left:3px solid #c9c4bb;color:#4a4640;");
                break;
            case "pre":
                element.SetAttribute("style", "white-space:pre-wrap;word-break:break-word;background:#f4f2ee;padding:12px;border-radius:4px;font-size:14px;");
                break;
            case "h2" or "h3" or "h4" or "h5" or "h6":
                element.SetAttribute("style", "font-size:20px;line-height:1.3;margin:28px 0 8px;");
                break;
            case "p":
                element.SetAttribute("style", "margin:0 0 16px;");
                break;
        }
    }

    /// <summary>Outlook draws a picture at its width attribute whatever the CSS says, so the attribute fits the column.</summary>
    private static void SizeForColumn(IElement image)
    {
        if (!int.TryParse(image.GetAttribute("width"), out var width) || width <= ColumnWidth)
        {
            return;
        }

        image.SetAttribute("width", ColumnWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (int.TryParse(image.GetAttribute("height"), out var height))
        {
            image.SetAttribute("height", (height * ColumnWidth / width).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Absolute(string url, string siteOrigin) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? siteOrigin + url : url;

    private static void AppendText(StringBuilder text, IElement element)
    {
        switch (element.LocalName)
        {
            case "ul" or "ol":
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    text.Append("- ").AppendLine(Flatten(item));
                }

                text.AppendLine();
                break;
            case "blockquote":
                text.Append("> ").AppendLine(Flatten(element)).AppendLine();
                break;
            case "pre":
                text.AppendLine(element.TextContent.TrimEnd()).AppendLine();
                break;
            default:
                var line = Flatten(element);
                if (line.Length == 0 && element.QuerySelector("img") is { } image)
                {
                    line = $"[{image.GetAttribute("alt")}]";
                }

                if (line.Length > 0)
                {
                    text.AppendLine(line).AppendLine();
                }

                break;
        }
    }

    private static string Flatten(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
