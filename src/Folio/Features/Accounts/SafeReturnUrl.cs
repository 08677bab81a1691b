using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Accounts;

public static class SafeReturnUrl
{
    /// <summary>The return URL when it stays on this site, otherwise the fallback: sign-in never sends people elsewhere.</summary>
    public static string Or(string? returnUrl, IUrlHelper url, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
