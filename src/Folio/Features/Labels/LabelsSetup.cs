namespace Folio.Features.Labels;

public static class LabelsSetup
{
    public static WebApplicationBuilder AddLabels(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CurrentReadingChoices>();
        return builder;
    }
}
