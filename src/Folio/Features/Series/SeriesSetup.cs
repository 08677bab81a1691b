namespace Folio.Features.Series;

public static class SeriesSetup
{
    /// <summary>Core, not the site's alone: an import sets stories' series as the pages do.</summary>
    public static WebApplicationBuilder AddSeries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SeriesEditor>();
        builder.Services.AddScoped<SeriesFollows>();
        builder.Services.AddScoped<StoryInSeries>();
        builder.Services.AddScoped<NewPartFanOut>();
        return builder;
    }
}
