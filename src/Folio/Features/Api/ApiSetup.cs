using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Folio.Features.Pins;
using Folio.Features.Saved;
using Microsoft.OpenApi;

namespace Folio.Features.Api;

public static class ApiSetup
{
    public const string Prefix = "/api";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TokenUses>();
        builder.Services.AddScoped<ChallengeReader>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        // Identity's cookie is the default scheme; under /api it hands every request to the token scheme instead.
        builder.Services.ConfigureApplicationCookie(cookie => cookie.ForwardDefaultSelector = context =>
            context.Request.Path.StartsWithSegments(Prefix) ? TokenAuthenticationHandler.SchemeName : null);

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ApiStatusDetails.Explain);
        builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        builder.Services.AddExceptionHandler<UnreadableRequests>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));

        builder.Services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<ApiDocumentDescription>();
            openApi.AddOperationTransformer<ApiDocumentDescription>();
        });
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var v1 = app.MapGroup("/api/v1").AddEndpointFilter<PrivateAnswers>().AddEndpointFilter<UnverifiedTokens>().AddEndpointFilter<ApiRateLimit>();
        v1.MapMeEndpoints();
        v1.MapRemoteFollowerEndpoints();
        v1.MapSavedApi();
        v1.MapPinsApi();
        v1.MapCommunityEndpoints();
        v1.MapAuthorEndpoints();
        v1.MapSeriesEndpoints();
        v1.MapCommentEndpoints();
        v1.MapInsightEndpoints();
        v1.MapStoryEndpoints();
        v1.MapPeopleEndpoints();
        v1.MapChallengeEndpoints();
        return app;
    }

    /// <summary>camelCase names, enums as kebab-case strings ("sent-back"), and unknown fields refused so a typo is never silently dropped.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
