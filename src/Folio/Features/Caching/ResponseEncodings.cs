using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;

namespace Folio.Features.Caching;

/// <summary>
/// The content coding the compression middleware will choose for a request ("br", "gzip" or "identity"), so the page
/// cache keeps one copy per coding, not one per spelling of Accept-Encoding (which anyone could vary to fill the cache
/// and make every visit a new rendering). Browsers send a handful of spellings; the answer for each is remembered.
/// </summary>
public sealed class ResponseEncodings(IResponseCompressionProvider compression)
{
    public const string Identity = "identity";
    private const int MaxRemembered = 64;

    private readonly ConcurrentDictionary<string, string> _chosen = new(StringComparer.Ordinal);

    public string For(HttpContext context)
    {
        var accept = context.Request.Headers.AcceptEncoding;
        if (StringValues.IsNullOrEmpty(accept))
        {
            return Identity;
        }

        var spelling = accept.ToString();
        if (_chosen.TryGetValue(spelling, out var known))
        {
            return known;
        }

        var chosen = compression.CheckRequestAcceptsCompression(context) ? compression.GetCompressionProvider(context)?.EncodingName ?? Identity : Identity;
        if (_chosen.Count < MaxRemembered)
        {
            _chosen.TryAdd(spelling, chosen);
        }

        return chosen;
    }
}
