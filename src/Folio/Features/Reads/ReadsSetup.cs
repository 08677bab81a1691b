namespace Folio.Features.Reads;

public static class ReadsSetup
{
    public static WebApplicationBuilder AddReads(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ReadTokens>();
        return builder;
    }
}
