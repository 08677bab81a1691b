using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Folio.Features.Federation.Signatures;

/// <summary>
/// Reads a draft-cavage-http-signatures-12 signature (what Mastodon and most of the fediverse send) from the
/// Signature header or from Authorization: Signature …, and rebuilds the signing string from the headers it lists.
/// </summary>
public static partial class DraftCavageSignature
{
    public const string Scheme = "draft-cavage";

    public static bool IsPresent(SignedRequest request) => Value(request) is not null;

    /// <summary>The signature, or why it cannot be read.</summary>
    public static (HttpSignature? Signature, string? Problem) Read(SignedRequest request)
    {
        if (Value(request) is not { } value)
        {
            return (null, "The request has no Signature header.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Parameter().Matches(value))
        {
            parameters[match.Groups["name"].Value] = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
        }

        if (!parameters.TryGetValue("keyId", out var keyId) || keyId.Length == 0
            || !parameters.TryGetValue("signature", out var signatureText))
        {
            return (null, "The Signature header needs a keyId and a signature.");
        }

        var algorithm = parameters.GetValueOrDefault("algorithm", "rsa-sha256").ToLowerInvariant();
        if (algorithm is not ("rsa-sha256" or "hs2019"))
        {
            return (null, $"The signature algorithm \"{algorithm}\" is not supported: use rsa-sha256 or hs2019 with an RSA key.");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return (null, "The signature is not base64.");
        }

        var created = Seconds(parameters.GetValueOrDefault("created"));
        var expires = Seconds(parameters.GetValueOrDefault("expires"));
        var covered = parameters.GetValueOrDefault("headers", "date").ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        foreach (var name in covered)
        {
            var line = name switch
            {
                "(request-target)" => $"{request.Method.ToLowerInvariant()} {request.TargetUri.PathAndQuery}",
                "(created)" => parameters.GetValueOrDefault("created"),
                "(expires)" => parameters.GetValueOrDefault("expires"),
                _ => request.Header(name),
            };
            if (line is null)
            {
                return (null, $"The signature covers \"{name}\", which the request does not have.");
            }

            lines.Add($"{name}: {line}");
        }

        return (new HttpSignature
        {
            Scheme = Scheme,
            KeyId = keyId,
            Covered = covered,
            Created = created,
            Expires = expires,
            SignedBytes = Encoding.UTF8.GetBytes(string.Join('\n', lines)),
            Signature = signature,
            Algorithms = [SignatureAlgorithm.RsaPkcs1Sha256],
        }, null);
    }

    private static string? Value(SignedRequest request)
    {
        if (request.Header("signature") is { Length: > 0 } signature && !request.Headers.ContainsKey("signature-input"))
        {
            return signature;
        }

        var authorization = request.Header("authorization");
        return authorization is not null && authorization.StartsWith("Signature ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Signature ".Length..]
            : null;
    }

    private static DateTimeOffset? Seconds(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    [GeneratedRegex("""(?<name>[A-Za-z]+)\s*=\s*(?:"(?<quoted>[^"]*)"|(?<bare>[^,\s]*))""")]
    private static partial Regex Parameter();
}
