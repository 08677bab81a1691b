namespace Folio.Features.Insights;

public static class InsightsSetup
{
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InsightRecorder>();
        return builder;
    }
}
