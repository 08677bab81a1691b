using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Folio.Tests.Security.Xss;

/// <summary>
/// What a browser would run, or let take over the page, in parsed HTML, apart from Folio's own scripts: script
/// elements, event handlers, script URLs, srcdoc frames, refresh and base elements, plug-ins and script in CSS.
/// </summary>
public static partial class LiveScript
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "lowsrc", "dynsrc"];
    private static readonly string[] PluginElements = ["object", "embed", "applet", "portal", "base"];
    private static readonly string[] SafeDataImages = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"];

    public static IReadOnlyList<string> In(IParentNode root)
    {
        var found = new List<string>();
        foreach (var element in Elements(root))
        {
            found.AddRange(Problems(element).Select(problem => $"{problem}: {Snippet(element)}"));
        }

        return found;
    }

    /// <summary>Feeds carry HTML as text (an RSS description, an Atom type="html" field): parsed as the reader would.</summary>
    public static IReadOnlyList<string> InFragment(string html)
    {
        var document = new HtmlParser().ParseDocument("");
        document.Body!.InnerHtml = html;
        return In(document.Body);
    }

    private static IEnumerable<IElement> Elements(IParentNode root)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            yield return element;
            if (element is IHtmlTemplateElement template)
            {
                foreach (var inner in Elements(template.Content))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<string> Problems(IElement element)
    {
        var name = element.LocalName.ToLowerInvariant();
        if (name == "script" && !IsFolioScript(element))
        {
            yield return "script element";
        }

        if (PluginElements.Contains(name))
        {
            yield return $"<{name}> element";
        }

        if (name == "iframe" && element.HasAttribute("srcdoc"))
        {
            yield return "srcdoc frame";
        }

        if (name == "meta" && string.Equals(element.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase))
        {
            yield return "meta refresh";
        }

        if (name == "style" && IsScriptInCss(element.TextContent))
        {
            yield return "script in a style element";
        }

        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name.ToLowerInvariant();
            if (attributeName.StartsWith("on", StringComparison.Ordinal))
            {
                yield return $"event handler {attribute.Name}";
            }
            else if (UrlAttributes.Contains(attributeName) && IsScriptUrl(attribute.Value))
            {
                yield return $"script URL in {attribute.Name}";
            }
            else if (attributeName == "style" && IsScriptInCss(attribute.Value))
            {
                yield return "script in a style attribute";
            }
        }
    }

    /// <summary>Folio's scripts are empty modules from /js/, and its JSON-LD, which must still be JSON (a breakout would not be).</summary>
    private static bool IsFolioScript(IElement script) => script.GetAttribute("type") switch
    {
        "module" => FolioModule().IsMatch(script.GetAttribute("src") ?? "") && script.TextContent.Length == 0,
        "application/ld+json" => IsJson(script.TextContent),
        _ => false,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The scheme as a browser reads it: leading and trailing controls and spaces dropped, tabs and newlines removed anywhere.</summary>
    public static bool IsScriptUrl(string url)
    {
        var normalised = new string(url.Trim('\0', ' ', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\b', '\t', '\n', '\v', '\f', '\r',
            '\u000e', '\u000f', '\u0010', '\u0011', '\u0012', '\u0013', '\u0014', '\u0015', '\u0016', '\u0017', '\u0018', '\u0019', '\u001a', '\u001b', '\u001c', '\u001d', '\u001e', '\u001f')
            .Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).ToLowerInvariant();
        if (normalised.StartsWith("javascript:", StringComparison.Ordinal) || normalised.StartsWith("vbscript:", StringComparison.Ordinal))
        {
            return true;
        }

        return normalised.StartsWith("data:", StringComparison.Ordinal) && !SafeDataImages.Any(type => normalised[5..].TrimStart().StartsWith(type, StringComparison.Ordinal));
    }

    private static bool IsScriptInCss(string css)
    {
        var compact = CssComment().Replace(css, "").Replace("\\", "").ToLowerInvariant();
        compact = new string(compact.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return compact.Contains("expression(") || compact.Contains("javascript:") || compact.Contains("vbscript:")
            || compact.Contains("behavior:") || compact.Contains("-moz-binding");
    }

    private static string Snippet(IElement element)
    {
        var html = element.OuterHtml;
        return html.Length <= 200 ? html : html[..200] + "…";
    }

    [GeneratedRegex(@"^/js/[a-z-]+\.js(\?v=[A-Za-z0-9_-]+)?$")]
    private static partial Regex FolioModule();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
