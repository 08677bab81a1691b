using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Folio.Features.Search;

/// <summary>
/// Highlights travel from the search engine as private-use characters, never as HTML: the text is encoded first and
/// only then are the markers turned into &lt;mark&gt;, so nothing a story contains can become markup.
/// </summary>
public static class SearchMarkup
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    /// <summary>Stored text loses any marker characters of its own, so only the engine's markers mean "highlight".</summary>
    public static string Clean(string text) => text.Replace(Open, ' ').Replace(Close, ' ');

    public static bool HasHighlight(string marked) => marked.Contains(Open);

    public static IHtmlContent ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not (Open or Close))
            {
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(marked[start..i]));
            start = i + 1;
            if (i == marked.Length)
            {
                break;
            }

            if (marked[i] == Open && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (marked[i] == Close && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return new HtmlString(html.ToString());
    }
}
