namespace Folio.Features.Pins;

public static class PinsSetup
{
    public static WebApplicationBuilder AddPins(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StoryPins>();
        return builder;
    }
}
