using Folio.Features.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Folio.Pages.Shared;

/// <summary>
/// A form beyond a page's limits (a field over 4 MB, a body over the page's RequestSizeLimit) fails while it is read.
/// The antiforgery check reads it first and would call that a bad token; this reads it just before, after the page's
/// own limits are applied, and answers 413 so the visitor is told the form was too large (400 for a body cut short).
/// </summary>
public sealed class OversizedForms : IAsyncAuthorizationFilter, IOrderedFilter
{
    // Between RequestSizeLimit/RequestFormLimits (900), which set the limits, and antiforgery (1000), which reads the form.
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        // The error page re-executed for that answer (or for an exception) must not read the same form again.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (UnreadableRequest.StatusOf(e) is { } status)
        {
            context.Result = new StatusCodeResult(status);
        }
    }
}
