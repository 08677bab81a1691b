using System.Globalization;
using Folio.Features.Accounts;
using Folio.Features.Scaling;
using Microsoft.Extensions.Options;
using Folio.Shared;

namespace Folio.Features.Api;

/// <summary>
/// Requests per minute for each signed-in caller, or, without a token, each client address, counted across every node
/// when they share Redis. Over the limit: 429 with Retry-After, as a problem detail like every other API error.
/// </summary>
public sealed class ApiRateLimit(IRateLimitCounter counter, IOptions<ApiOptions> options) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limits = options.Value;
        var (key, limit) = http.User.UserId() is { } userId
            ? ("api:user:" + userId, limits.RequestsPerMinute)
            : ("api:address:" + ClientAddress.Of(http), limits.AnonymousRequestsPerMinute);
        var decision = await counter.TryTakeAsync(key, limit, Window, http.RequestAborted);
        if (decision.Allowed)
        {
            return await next(context);
        }

        var seconds = (int)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"This token (or address) has used its requests for this minute. Try again in {Plural.Of(seconds, "second", "seconds")}.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests");
    }
}
