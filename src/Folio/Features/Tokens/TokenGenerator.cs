using System.Security.Cryptography;
using System.Text;

namespace Folio.Features.Tokens;

public static class TokenGenerator
{
    public const string Prefix = "folio_";

    /// <summary>A new token: "folio_" and 40 random URL-safe characters (240 bits).</summary>
    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
