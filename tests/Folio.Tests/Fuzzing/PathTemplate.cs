using System.Text.RegularExpressions;

namespace Folio.Tests.Fuzzing;

/// <summary>Turns a concrete URL into the shape of its route, so the same failure on different stories is reported once.</summary>
public static partial class PathTemplate
{
    public static string Of(string url)
    {
        var query = url.IndexOf('?');
        var path = query < 0 ? url : url[..query];
        var handler = query < 0 ? null : HandlerParameter().Match(url[query..]).Value;
        var parts = path.Split('/');
        var segments = parts.Select((segment, index) => Generalise(segment, index > 0 ? parts[index - 1] : "", index, path));
        return string.Join('/', segments) + (string.IsNullOrEmpty(handler) ? "" : "?" + handler.TrimStart('?', '&'));
    }

    private static string Generalise(string segment, string previous, int index, string path)
    {
        if (Number().IsMatch(segment))
        {
            return "{id}";
        }

        var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return (previous, index) switch
        {
            ("authors" or "creators", _) => "{username}",
            ("tags", _) => "{tag}",
            ("communities", 3) => "{slug}",
            _ when index == 1 && !KnownTopLevel.Contains(segment) && segment.Length > 0 => "{community}",
            _ when index == 2 && first is not null && !KnownTopLevel.Contains(first) => "{story}",
            _ => segment,
        };
    }

    private static readonly HashSet<string> KnownTopLevel =
    [
        "api", "openapi", "write", "top", "tags", "stories", "signup", "signout", "signin", "settings", "search", "reset-password",
        "notifications", "moderation", "me", "insights", "goodbye", "forgot-password", "following", "explore", "error", "developers",
        "confirm-email", "comments", "authors", "admin", "editor", "theme", "feed", "feeds", "sitemap.xml", "robots.txt", "media",
        "css", "js", "healthz", "readyz", "contact", "privacy", "terms", "support", "rss", "atom",
    ];

    [GeneratedRegex(@"[?&]handler=[^&]*")]
    private static partial Regex HandlerParameter();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Number();
}
