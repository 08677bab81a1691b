using Microsoft.AspNetCore.Mvc.ViewFeatures.Infrastructure;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Folio.Pages.Shared;

public static class PagesSetup
{
    public static WebApplicationBuilder AddFolioPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(mvc =>
            {
                mvc.Filters.Add<MethodNotAllowedFilter>();
                mvc.Filters.Add<FormBindingFailures>();
                mvc.Filters.Add<OversizedForms>();
            });
        builder.Services.Configure<RazorViewEngineOptions>(options =>
            options.PageViewLocationFormats.Add("/Pages/Shared/{0}" + RazorViewEngine.ViewExtension));
        builder.Services.AddSingleton<TempDataSerializer, TextTempData>();
        builder.Services.AddScoped<PageHead>();
        return builder;
    }

    /// <summary>The site's name and absolute links, for pages and for what every process writes (emails, webhook payloads): part of AddFolioCore.</summary>
    public static WebApplicationBuilder AddSiteUrls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SiteUrls>();
        builder.Services.AddSingleton<SaveTimeSiteUrls>();
        return builder;
    }
}
