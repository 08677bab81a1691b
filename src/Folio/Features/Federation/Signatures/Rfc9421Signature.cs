using System.Text;

namespace Folio.Features.Federation.Signatures;

/// <summary>
/// Reads an RFC 9421 (HTTP Message Signatures) signature from Signature-Input and Signature, and rebuilds the
/// signature base as §2.5 says: one line per covered component, then the @signature-params line.
/// </summary>
public static class Rfc9421Signature
{
    public const string Scheme = "RFC 9421";

    public static bool IsPresent(SignedRequest request) => request.Header("signature-input") is not null;

    /// <summary>The first signature whose label is in both headers (or the one labelled <paramref name="label"/>), or why none can be read.</summary>
    public static (HttpSignature? Signature, string? Problem) Read(SignedRequest request, string? label = null)
    {
        var inputs = StructuredFields.ParseDictionary(request.Header("signature-input") ?? "");
        var signatures = StructuredFields.ParseDictionary(request.Header("signature") ?? "");
        if (inputs is null || signatures is null)
        {
            return (null, "Signature-Input and Signature must both be structured field dictionaries (RFC 8941).");
        }

        label ??= inputs.Keys.FirstOrDefault(signatures.ContainsKey);
        if (label is null || !inputs.TryGetValue(label, out var inputMember) || !signatures.TryGetValue(label, out var signatureMember))
        {
            return (null, "No signature label appears in both Signature-Input and Signature.");
        }

        if (inputMember is not SfInnerList input || signatureMember is not SfItem { Value: byte[] signature })
        {
            return (null, $"Signature-Input's {label} must be an inner list and Signature's a byte sequence.");
        }

        if (input.Parameter("keyid") is not string { Length: > 0 } keyId)
        {
            return (null, "The signature parameters need a keyid.");
        }

        IReadOnlyList<SignatureAlgorithm>? algorithms = input.Parameter("alg") switch
        {
            null => [SignatureAlgorithm.RsaPkcs1Sha256, SignatureAlgorithm.RsaPssSha512],
            "rsa-v1_5-sha256" => [SignatureAlgorithm.RsaPkcs1Sha256],
            "rsa-pss-sha512" => [SignatureAlgorithm.RsaPssSha512],
            _ => null,
        };
        if (algorithms is null)
        {
            return (null, $"The signature algorithm \"{input.Parameter("alg")}\" is not supported: use rsa-v1_5-sha256 or rsa-pss-sha512.");
        }

        var lines = new StringBuilder();
        var covered = new List<string>();
        foreach (var component in input.Items)
        {
            if (component.Value is not string name || name != name.ToLowerInvariant() || covered.Contains(component.Serialize()))
            {
                return (null, "Each covered component must be a distinct lower-case string.");
            }

            if (ComponentValue(request, name, component) is not { } value)
            {
                return (null, $"The signature covers \"{component.Serialize()}\", which this request does not have or Folio does not support.");
            }

            covered.Add(component.Serialize());
            lines.Append(component.Serialize()).Append(": ").Append(value).Append('\n');
        }

        lines.Append("\"@signature-params\": ").Append(input.Serialize());
        return (new HttpSignature
        {
            Scheme = Scheme,
            KeyId = keyId,
            Covered = [.. input.Items.Select(i => (string)i.Value)],
            Created = input.Parameter("created") is long created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
            Expires = input.Parameter("expires") is long expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
            SignedBytes = Encoding.ASCII.GetBytes(lines.ToString()),
            Signature = signature,
            Algorithms = algorithms,
        }, null);
    }

    private static string? ComponentValue(SignedRequest request, string name, SfItem component)
    {
        var uri = request.TargetUri;
        if (!name.StartsWith('@'))
        {
            // Header fields with parameters (sf, key, bs, req, tr) change how the value is derived; none is needed here.
            return component.Parameters.Count == 0 ? request.Header(name) : null;
        }

        return name switch
        {
            "@method" => request.Method,
            "@target-uri" => uri.AbsoluteUri,
            "@authority" => (uri.IsDefaultPort ? uri.Host : uri.Authority).ToLowerInvariant(),
            "@scheme" => uri.Scheme.ToLowerInvariant(),
            "@request-target" => uri.PathAndQuery,
            "@path" => uri.AbsolutePath,
            "@query" => uri.Query.Length == 0 ? "?" : uri.Query,
            "@query-param" => QueryParameter(uri, component.Parameter("name") as string),
            _ => null,
        };
    }

    /// <summary>§2.2.8: the one value of the named query parameter, decoded and percent-encoded again.</summary>
    private static string? QueryParameter(Uri uri, string? wanted)
    {
        if (wanted is null)
        {
            return null;
        }

        var values = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Decode(pair[0]) == Uri.UnescapeDataString(wanted))
            .Select(pair => Uri.EscapeDataString(Decode(pair.Length > 1 ? pair[1] : "")))
            .ToList();
        return values.Count == 1 ? values[0] : null;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
