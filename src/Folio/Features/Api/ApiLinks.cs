using Folio.Pages.Shared;

namespace Folio.Features.Api;

public static class ApiLinks
{
    /// <summary>Pictures are stored as site paths (/media/…) or full addresses; API clients always get a full address.</summary>
    public static string? AbsoluteMedia(this SiteUrls urls, string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? urls.Absolute(url) : url;
}
