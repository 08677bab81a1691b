using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Folio.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Folio.Features.Api;

public static class ApiSetup
{
    public const string Prefix = "/api";
    public const string RateLimitPolicy = "api";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        // Identity's cookie is the default scheme; under /api it hands every request to the token scheme instead.
        builder.Services.ConfigureApplicationCookie(cookie => cookie.ForwardDefaultSelector = context =>
            context.Request.Path.StartsWithSegments(Prefix) ? TokenAuthenticationHandler.SchemeName : null);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnreadableRequests>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));

        builder.Services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<ApiDocumentDescription>();
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                return http.User.UserId() is { } userId
                    ? RateLimitPartition.GetFixedWindowLimiter("user:" + userId, _ => PerMinute(options.RequestsPerMinute))
                    : RateLimitPartition.GetFixedWindowLimiter("address:" + http.Connection.RemoteIpAddress, _ => PerMinute(options.AnonymousRequestsPerMinute));
            });
        });
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicy);
        v1.MapMeEndpoints();
        return app;
    }

    /// <summary>camelCase names, enums as kebab-case strings ("sent-back"), and unknown fields refused so a typo is never silently dropped.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This token (or address) has used its requests for this minute. Try again in {retryAfter} seconds.",
            },
        });
    }
}
