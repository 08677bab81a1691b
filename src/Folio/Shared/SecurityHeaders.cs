using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Folio.Shared;

/// <summary>What every response tells the browser, pages, API, feeds, errors and files alike.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((hsts, security) =>
            hsts.MaxAge = TimeSpan.FromDays(security.Value.HstsMaxAgeDays));

        // One rule for every cookie, whoever sets it (sign-in, antiforgery, messages): https-only when served over https,
        // never readable by scripts (none needs to), and not sent along with other sites' requests.
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.Secure = CookieSecurePolicy.SameAsRequest;
            cookies.HttpOnly = HttpOnlyPolicy.Always;
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        // Framing is refused below for every response; antiforgery's own SAMEORIGIN on form pages would be a second policy.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    /// <summary>No inline scripts or styles anywhere, so the policy can be strict from day one.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseCookiePolicy();
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.HstsMaxAgeDays > 0)
        {
            // Only over https, and never for localhost (HstsOptions.ExcludedHosts), where it would outlive a developer's test.
            app.UseHsts();
        }

        // Set as the response starts, so that an error answered after the headers were cleared carries them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY"; // frame-ancestors 'none' for browsers that predate it
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
