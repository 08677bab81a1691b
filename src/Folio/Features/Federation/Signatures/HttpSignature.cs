using System.Security.Cryptography;

namespace Folio.Features.Federation.Signatures;

/// <summary>The signature algorithms Folio checks, all with RSA keys, which is what the fediverse publishes.</summary>
public enum SignatureAlgorithm
{
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256: draft-cavage's rsa-sha256 (and hs2019 with an RSA key), RFC 9421's rsa-v1_5-sha256.</summary>
    RsaPkcs1Sha256,

    /// <summary>RSASSA-PSS with SHA-512 and a 64-byte salt: RFC 9421's rsa-pss-sha512.</summary>
    RsaPssSha512,
}

/// <summary>
/// One signature read from a request: which key it claims, what it covers and when it was made. <see cref="IsValidFor"/>
/// checks the bytes once the key is known; whether what it covers is enough is <see cref="HttpSignatures"/>' business.
/// </summary>
public sealed class HttpSignature
{
    public required string Scheme { get; init; }
    public required string KeyId { get; init; }

    /// <summary>The covered components by lower-case name: "(request-target)", "host", "@method", "content-digest"…</summary>
    public required IReadOnlyList<string> Covered { get; init; }

    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The exact bytes that were signed: draft-cavage's signing string or RFC 9421's signature base.</summary>
    public required byte[] SignedBytes { get; init; }

    public required byte[] Signature { get; init; }

    /// <summary>Any of these may have made the signature (RFC 9421 lets the key decide when no alg is given).</summary>
    public required IReadOnlyList<SignatureAlgorithm> Algorithms { get; init; }

    public bool IsValidFor(string publicKeyPem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(publicKeyPem);
            return Algorithms.Any(algorithm => algorithm switch
            {
                SignatureAlgorithm.RsaPkcs1Sha256 => rsa.VerifyData(SignedBytes, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                SignatureAlgorithm.RsaPssSha512 => rsa.VerifyData(SignedBytes, Signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
                _ => false,
            });
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
