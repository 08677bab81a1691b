using System.Security.Cryptography;

namespace Folio.Features.Federation.Signatures;

/// <summary>
/// Whether a body matches its digest header: draft-cavage's Digest (RFC 3230, "SHA-256=base64") or RFC 9530's
/// Content-Digest ("sha-256=:base64:"). Every digest in an algorithm Folio knows must match, and there must be one.
/// </summary>
public static class BodyDigests
{
    public static bool DigestMatches(string? header, byte[] body)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var known = 0;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || Hash(part[..separator], body) is not { } expected)
            {
                continue;
            }

            known++;
            if (!Base64Equals(part[(separator + 1)..], expected))
            {
                return false;
            }
        }

        return known > 0;
    }

    public static bool ContentDigestMatches(string? header, byte[] body)
    {
        if (header is null || StructuredFields.ParseDictionary(header) is not { } digests)
        {
            return false;
        }

        var known = 0;
        foreach (var (algorithm, member) in digests)
        {
            if (Hash(algorithm, body) is not { } expected)
            {
                continue;
            }

            known++;
            if (member is not SfItem { Value: byte[] given } || !CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return false;
            }
        }

        return known > 0;
    }

    private static byte[]? Hash(string algorithm, byte[] body) => algorithm.ToLowerInvariant() switch
    {
        "sha-256" => SHA256.HashData(body),
        "sha-512" => SHA512.HashData(body),
        _ => null,
    };

    private static bool Base64Equals(string text, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(text.Trim()), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
