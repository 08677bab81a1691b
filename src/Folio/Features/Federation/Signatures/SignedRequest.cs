namespace Folio.Features.Federation.Signatures;

/// <summary>
/// What a signature covers, read off a request once: the method, the absolute target URI as this server was asked for
/// it, the header fields by lower-case name (repeated fields joined with ", ") and the body.
/// </summary>
public sealed record SignedRequest(string Method, Uri TargetUri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public static SignedRequest From(HttpRequest request, byte[] body)
    {
        var headers = request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value.Select(v => v?.Trim())), StringComparer.Ordinal);
        var target = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        return new SignedRequest(request.Method, target, headers, body);
    }

    /// <summary>A request as a test or vector writes it: "POST", "https://example.com/foo?x=1", header lines, body.</summary>
    public static SignedRequest Of(string method, string targetUri, IEnumerable<(string Name, string Value)> headers, byte[]? body = null) =>
        new(method, new Uri(targetUri), headers.GroupBy(h => h.Name.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value.Trim())), StringComparer.Ordinal), body ?? []);
}
