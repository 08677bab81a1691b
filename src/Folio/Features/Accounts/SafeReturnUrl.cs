using System.Diagnostics.CodeAnalysis;

namespace Folio.Features.Accounts;

/// <summary>The one check for every "return to" address a request carries (sign-in, sign-up, follow forms).</summary>
public static class SafeReturnUrl
{
    /// <summary>The return URL when it is a path on this site, otherwise the fallback: no form sends people elsewhere.</summary>
    public static string Or(string? returnUrl, string fallback) => IsPathOnThisSite(returnUrl) ? returnUrl : fallback;

    // Browsers drop tabs and line breaks anywhere in a URL and read '\' as '/', so "/\t/evil.example" and "/\evil.example"
    // both leave the site; a control character in a Location header would also fail the response.
    public static bool IsPathOnThisSite([NotNullWhen(true)] string? url) =>
        url is ['/', ..] && !url.StartsWith("//", StringComparison.Ordinal) && !url.Any(c => c == '\\' || char.IsControl(c));
}
