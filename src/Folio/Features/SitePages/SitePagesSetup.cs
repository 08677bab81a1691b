namespace Folio.Features.SitePages;

public static class SitePagesSetup
{
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SitePageContent>();
        return builder;
    }
}
