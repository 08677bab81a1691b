namespace Folio.Features.Saved;

public static class SavedSetup
{
    public static WebApplicationBuilder AddSaved(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavedStories>();
        builder.Services.AddScoped<SavedMarks>();
        return builder;
    }
}
