using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Folio.Features.Caching;

/// <summary>
/// Headers a page gets when it is rendered for the output cache to keep, and which the cache keeps with it:
/// an ETag, so a visitor (or proxy) that has this copy and sends If-None-Match gets 304 Not Modified from the cache;
/// and Vary: Accept-Encoding, since the cache keeps a copy per content coding (<see cref="ResponseEncodings"/>).
/// The ETag names one rendering: a change evicts the copy, so the next rendering, and its ETag, are new. It is strong
/// because each coding is rendered and kept on its own. Runs only when a page is rendered, never for a cached copy.
/// </summary>
public static class KeptPageHeaders
{
    public static bool WillBeKept(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;

    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ETag = $"\"{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12))}\"";
        headers.Vary = HeaderNames.AcceptEncoding;
        return next(context);
    }
}
