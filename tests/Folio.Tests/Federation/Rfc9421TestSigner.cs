using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Folio.Tests.Federation;

/// <summary>
/// Signs a request the RFC 9421 way, as Mastodon 4.5 and fedify do (rsa-v1_5-sha256, no alg parameter): written here
/// by hand from the RFC, independently of Folio's verifier, so that one cannot agree with itself.
/// </summary>
public static class Rfc9421TestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, string keyId, string privateKeyPem, DateTimeOffset now)
    {
        var uri = request.RequestUri!;
        var digest = $"sha-256=:{Convert.ToBase64String(SHA256.HashData(body))}:";
        request.Headers.TryAddWithoutValidation("Content-Digest", digest);
        var created = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var parameters = $"(\"@method\" \"@target-uri\" \"content-digest\");created={created};keyid=\"{keyId}\"";
        var signatureBase = $"\"@method\": {request.Method.Method}\n\"@target-uri\": {uri.AbsoluteUri}\n\"content-digest\": {digest}\n\"@signature-params\": {parameters}";

        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signatureBase), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Convert.ToBase64String(signature)}:");
    }
}
