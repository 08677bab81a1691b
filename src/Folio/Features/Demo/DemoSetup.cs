namespace Folio.Features.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemoContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
