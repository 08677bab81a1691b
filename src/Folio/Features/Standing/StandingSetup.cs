using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Standing;

public static class StandingSetup
{
    public static WebApplicationBuilder AddStanding(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EmailConfirmationRule>();
        builder.Services.AddScoped<AccountStandings>();
        builder.Services.AddScoped<IAuthorizationHandler, GoodStandingHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, StandingResultHandler>();
        return builder;
    }
}
