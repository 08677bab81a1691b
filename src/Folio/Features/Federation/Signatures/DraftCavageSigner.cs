using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Folio.Features.Federation.Signatures;

/// <summary>
/// Signs an outgoing request the way every ActivityPub server accepts (draft-cavage-http-signatures-12, rsa-sha256,
/// as Mastodon sends): over (request-target), host and date, and the body's SHA-256 Digest when there is one.
/// </summary>
public static class DraftCavageSigner
{
    public static void Sign(HttpRequestMessage request, byte[]? body, string keyId, string privateKeyPem, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var date = now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        request.Headers.Host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        request.Headers.TryAddWithoutValidation("Date", date);

        var signed = new List<(string Name, string Value)>
        {
            ("(request-target)", $"{request.Method.Method.ToLowerInvariant()} {uri.PathAndQuery}"),
            ("host", request.Headers.Host),
            ("date", date),
        };
        if (body is not null)
        {
            var digest = "SHA-256=" + Convert.ToBase64String(SHA256.HashData(body));
            request.Headers.TryAddWithoutValidation("Digest", digest);
            signed.Add(("digest", digest));
        }

        var signingString = string.Join('\n', signed.Select(h => $"{h.Name}: {h.Value}"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var headers = string.Join(' ', signed.Select(h => h.Name));
        request.Headers.TryAddWithoutValidation("Signature", $"keyId=\"{keyId}\",algorithm=\"rsa-sha256\",headers=\"{headers}\",signature=\"{signature}\"");
    }
}
