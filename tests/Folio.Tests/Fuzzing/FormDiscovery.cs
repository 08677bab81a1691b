using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Walks the site as one identity from a few starting pages, following its own links, and collects every page it reached
/// and every form on them (parsed as a browser would: inputs, checkboxes, selects, textareas, submit buttons' formaction).
/// </summary>
public static class FormDiscovery
{
    private static readonly string[] Skipped = ["/signout", "/media/", "/css/", "/js/", "/lib/", "/theme/", "/feed", "/sitemap", "/api/", "/openapi/"];

    public static async Task<(List<string> Pages, List<FormTarget> Forms)> CrawlAsync(HttpClient client, string identity, IEnumerable<string> start, int maxPages)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue);
        var pages = new List<string>();
        var forms = new Dictionary<string, FormTarget>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages.Add(url);
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var form in document.QuerySelectorAll("form").SelectMany(f => Targets(f, identity, url)))
            {
                forms.TryAdd($"{form.Method} {form.Template} {string.Join(',', form.Fields.Select(f => f.Name))}", form);
            }

            foreach (var link in Links(document, client.BaseAddress!).Where(seen.Add))
            {
                queue.Enqueue(link);
            }
        }

        return (pages, [.. forms.Values]);
    }

    private static IEnumerable<string> Links(IDocument document, Uri site) =>
        document.QuerySelectorAll("a[href]")
            .Select(a => Uri.TryCreate(site, a.GetAttribute("href"), out var uri) ? uri : null)
            .Where(uri => uri is not null && uri.Authority == site.Authority)
            .Select(uri => uri!.PathAndQuery)
            .Where(path => !Skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<FormTarget> Targets(IElement form, string identity, string page)
    {
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var action = Local(form.GetAttribute("action"), page);
        if (action.StartsWith("/signout", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var fields = Fields(form).ToList();
        yield return new FormTarget(identity, page, method, action, fields);
        foreach (var button in form.QuerySelectorAll("button[formaction], input[formaction]"))
        {
            yield return new FormTarget(identity, page, method, Local(button.GetAttribute("formaction"), page), fields);
        }
    }

    private static IEnumerable<FormField> Fields(IElement form)
    {
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name], button[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.LocalName switch
            {
                "input" => (element.GetAttribute("type") ?? "text").ToLowerInvariant(),
                "button" => "submit",
                var other => other,
            };
            var options = element.LocalName == "select"
                ? element.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToList()
                : [];
            var value = element.LocalName switch
            {
                "textarea" => element.TextContent.TrimStart('\n', '\r'),
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? options.FirstOrDefault() ?? "",
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            if (type is "file" or "image" || (type == "radio" && !element.HasAttribute("checked")))
            {
                continue;
            }

            yield return new FormField(name, value, type, options);
        }
    }

    private static string Local(string? action, string page)
    {
        if (string.IsNullOrEmpty(action))
        {
            return page;
        }

        var uri = new Uri(new Uri("http://folio" + page), action);
        return uri.PathAndQuery;
    }
}
