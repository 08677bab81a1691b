using Microsoft.Extensions.Options;

namespace Folio.Pages.Shared;

/// <summary>Absolute links for places outside a page (emails, feeds): the configured base URL, else the current request's.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    private string? _pinned;

    public string Origin
    {
        get
        {
            if (_pinned is not null)
            {
                return _pinned;
            }

            if (!string.IsNullOrWhiteSpace(site.Value.BaseUrl))
            {
                return site.Value.BaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => Origin + path;

    /// <summary>
    /// For work outside any request (a queue worker): this scope's links use the address the work was queued from, so
    /// a site without Folio:Site:BaseUrl still links to where its people reached it.
    /// </summary>
    public void Pin(string origin) => _pinned = origin.TrimEnd('/');
}
