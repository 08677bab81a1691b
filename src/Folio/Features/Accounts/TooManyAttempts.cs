using System.Globalization;
using Folio.Features.Scaling;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Folio.Shared;

namespace Folio.Features.Accounts;

public static class TooManyAttempts
{
    /// <summary>The form again, with what was typed, the reason and the wait: 429 with Retry-After.</summary>
    public static PageResult Refuse(this PageModel page, RateDecision decision, string reason)
    {
        var seconds = (int)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling(seconds / 60.0));
        page.ModelState.AddModelError("", $"{reason} Try again in {Plural.Of(minutes, "minute", "minutes")}.");
        return page.Page();
    }
}
