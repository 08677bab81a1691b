using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Folio.Features.Standing;

/// <summary>
/// A request refused for the account's standing is answered with the reason instead of the generic "not open to you":
/// 403 problem details for the API and scripts, and for pages a 403 that the error page explains.
/// </summary>
public sealed class StandingResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var refusedForStanding = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(reason => reason.Handler is GoodStandingHandler) == true;
        var refusal = refusedForStanding
            ? await context.RequestServices.GetRequiredService<AccountStandings>().RefusalForAsync(context.User, context.RequestAborted)
            : null;
        if (refusal is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        await StandingResponses.RefuseAsync(context, refusal);
    }
}

public static class StandingResponses
{
    /// <summary>403 with the reason: problem details for the API and scripts; for pages the error page says why.</summary>
    public static Task RefuseAsync(HttpContext context, StandingRefusal refusal)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!WantsProblem(context))
        {
            return Task.CompletedTask; // re-executed as /error/403, which shows the refusal
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problem(refusal),
        }).AsTask();
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(StandingRefusal refusal)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = refusal.Title,
            Detail = refusal.Message,
            Extensions = { ["reason"] = refusal.Code },
        };
        if (refusal.Until is { } until)
        {
            problem.Extensions["until"] = until;
        }

        return problem;
    }

    public static bool WantsProblem(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Api.ApiSetup.Prefix)
        || context.Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
