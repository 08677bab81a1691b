using Folio.Data;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Folio.Features.SiteAdmin;

/// <summary>
/// The site's colours as a stylesheet (the Content-Security-Policy forbids inline styles) and its uploaded pictures.
/// The layout links them with the settings' version in the query, so each copy may be cached for a year: a change
/// gives new addresses.
/// </summary>
public static class SiteAssets
{
    private static readonly CacheControlHeaderValue Forever = new() { Public = true, MaxAge = TimeSpan.FromDays(365) };
    private static readonly CacheControlHeaderValue Briefly = new() { Public = true, MaxAge = TimeSpan.FromMinutes(1) };

    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme.css", async (HttpContext http, CurrentSite current, string? v, CancellationToken cancellationToken) =>
        {
            var site = await current.GetAsync(cancellationToken);
            Cache(http, v == site.Version);
            return Results.Text(Stylesheet(site), "text/css; charset=utf-8");
        });
        endpoints.MapGet("/site/{name:regex(^(logo|favicon)$)}.png", async (HttpContext http, FolioDb db, string name, string? v, CancellationToken cancellationToken) =>
        {
            var image = await db.SiteImages.AsNoTracking().FirstOrDefaultAsync(i => i.Name == name, cancellationToken);
            if (image is null)
            {
                return Results.NotFound();
            }

            Cache(http, v == image.Version);
            return Results.File(image.Png, "image/png");
        });
        return endpoints;
    }

    /// <summary>Light mode only: the dark theme's light brand colour on dark pages is part of its own contrast.</summary>
    public static string Stylesheet(SiteSettings site) => site.AccentColour is { } colour && AccentColour.Normalise(colour) == colour
        ? $"@media not (prefers-color-scheme: dark) {{\n  :root {{ --brand: {colour}; --brand-contrast: #ffffff; }}\n}}\n"
        : "/* Folio's own colours. */\n";

    private static void Cache(HttpContext http, bool versioned) =>
        http.Response.GetTypedHeaders().CacheControl = versioned ? Forever : Briefly;
}
