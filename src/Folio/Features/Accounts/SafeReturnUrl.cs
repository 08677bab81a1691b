using System.Diagnostics.CodeAnalysis;

namespace Folio.Features.Accounts;

/// <summary>The one check for every "return to" address a request carries (sign-in, sign-up, follow forms).</summary>
public static class SafeReturnUrl
{
    // Far beyond any page's address, and short enough that the Location header stays within what servers and browsers take.
    private const int MaxLength = 2048;

    /// <summary>The return URL when it is a path on this site, otherwise the fallback: no form sends people elsewhere.</summary>
    public static string Or(string? returnUrl, string fallback) => IsPathOnThisSite(returnUrl) ? AsciiOnly(returnUrl) : fallback;

    // Browsers drop tabs and line breaks anywhere in a URL and read '\' as '/', so "/\t/evil.example" and "/\evil.example"
    // both leave the site; a control character in a Location header would also fail the response.
    public static bool IsPathOnThisSite([NotNullWhen(true)] string? url) =>
        url is ['/', ..] && url.Length <= MaxLength && !url.StartsWith("//", StringComparison.Ordinal) && !url.Any(c => c == '\\' || char.IsControl(c));

    // A Location header carries ASCII only (Kestrel refuses anything else), so other letters go percent-encoded, as browsers send them.
    private static string AsciiOnly(string path) => path.All(char.IsAscii)
        ? path
        : string.Concat(path.EnumerateRunes().Select(rune => rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString())));
}
