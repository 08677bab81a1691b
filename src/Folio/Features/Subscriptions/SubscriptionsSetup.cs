namespace Folio.Features.Subscriptions;

public static class SubscriptionsSetup
{
    public static WebApplicationBuilder AddSubscriptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Follows>();
        return builder;
    }
}
