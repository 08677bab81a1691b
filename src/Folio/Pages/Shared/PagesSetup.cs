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
        builder.Services.AddScoped<PageHead>();
        return builder;
    }

    /// <summary>The site's name and absolute links, for pages and for what every process writes (emails, webhook payloads): part of AddFolioCore.</summary>
    public static WebApplicationBuilder AddSiteUrls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SiteUrls>();
        return builder;
    }

    /// <summary>No inline scripts or styles anywhere, so the policy can be strict from day one.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' https: data:; frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; " +
                "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        return app;
    }
}
