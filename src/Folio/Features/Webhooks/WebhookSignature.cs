using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Folio.Features.Webhooks;

/// <summary>
/// X-Folio-Signature is <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the webhook's secret (its UTF-8
/// bytes), of the X-Folio-Timestamp value, a dot, and the exact body bytes. Signing the timestamp lets a receiver
/// refuse an old delivery replayed by someone who captured it.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return Prefix + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public static string NewSecret() => "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
