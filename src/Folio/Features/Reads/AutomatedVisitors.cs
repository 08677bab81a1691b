namespace Folio.Features.Reads;

/// <summary>
/// Requests that are not a person reading: no User-Agent at all, a browser's speculative prefetch, or a
/// User-Agent containing one of the substrings below (case-insensitive). The list covers search and AI
/// crawlers ("bot", "crawl", "spider", "slurp"), link-preview fetchers that chat apps and social sites send
/// when a link is pasted, headless and automated browsers, monitoring services and command-line HTTP clients.
/// A bot pretending to be a browser still gets through; a read is a statistic, not a security boundary.
/// </summary>
public static class AutomatedVisitors
{
    public static readonly IReadOnlyList<string> UserAgentMarkers =
    [
        "bot", "crawl", "spider", "slurp", "archiver", "scraper",
        "headless", "phantomjs", "selenium", "puppeteer", "playwright", "lighthouse", "pagespeed",
        "preview", "facebookexternalhit", "embedly", "quora link", "whatsapp", "skypeuripreview", "vkshare", "mastodon",
        "monitor", "pingdom", "uptime", "statuscake",
        "curl", "wget", "httpie", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/", "okhttp",
        "axios", "node-fetch", "undici", "libwww", "scrapy",
    ];

    public static bool IsAutomated(HttpRequest request)
    {
        if (IsPrefetch(request.Headers["Sec-Purpose"]) || IsPrefetch(request.Headers["Purpose"]) || IsPrefetch(request.Headers["X-Moz"]))
        {
            return true;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        return string.IsNullOrWhiteSpace(userAgent)
            || UserAgentMarkers.Any(marker => userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPrefetch(Microsoft.Extensions.Primitives.StringValues header) =>
        header.Any(value => value?.Contains("prefetch", StringComparison.OrdinalIgnoreCase) == true);
}
