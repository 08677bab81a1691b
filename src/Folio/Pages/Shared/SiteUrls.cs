using Microsoft.Extensions.Options;

namespace Folio.Pages.Shared;

/// <summary>Absolute links for places outside a page (emails, feeds): the configured base URL, else the current request's.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public string Origin
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(site.Value.BaseUrl))
            {
                return site.Value.BaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => Origin + path;
}
