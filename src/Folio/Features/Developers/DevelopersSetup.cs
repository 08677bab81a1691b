namespace Folio.Features.Developers;

public static class DevelopersSetup
{
    public static WebApplicationBuilder AddDevelopers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiAccessRules>();
        builder.Services.AddSingleton<ApiReferenceReader>();
        return builder;
    }
}
