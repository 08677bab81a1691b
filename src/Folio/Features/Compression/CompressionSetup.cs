using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Folio.Features.Compression;

/// <summary>
/// Brotli or gzip, as the client prefers, for every text response: pages, JSON and problem details, feeds, the
/// sitemap, CSS and scripts. Pages the output cache keeps are compressed once, before they are kept (see
/// CachingSetup.UsePageCaching); everything else is compressed on its way out by <see cref="UseCompression"/>.
/// </summary>
public static class CompressionSetup
{
    /// <summary>ASP.NET Core's defaults (HTML, CSS, JavaScript, JSON, XML, plain text) and the types Folio adds.</summary>
    public static readonly string[] CompressedTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "application/problem+json", "application/rss+xml", "application/atom+xml", "image/svg+xml",
    ];

    public static WebApplicationBuilder AddCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // Compression over HTTPS is off by default because of BREACH: an attacker who can put text of their own
            // into a response (a reflected query) beside a secret that stays the same from one response to the next
            // can guess the secret from the compressed length. Following ASP.NET Core's guidance it is on here: the
            // secrets Folio's pages carry (antiforgery and read tokens) are encrypted by Data Protection afresh for
            // every response, so no two responses share them; cached pages carry no secret and echo no input (the
            // cache drops query keys no page reads). A response that ever shows a secret that stays the same, beside
            // anything from the request, must opt out with IHttpsCompressionFeature.Mode = DoNotCompress.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });

        // Measured on a 21.6 KB story page: Brotli Fastest gives 7.2 KB, Optimal 6.2 KB for about four times the CPU;
        // gzip 8.6 KB and 6.3 KB for about two and a half times. Uncached responses (signed in, search, the API) pay it
        // on every request, so Fastest; cached pages pay it once per copy either way.
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>First in the pipeline, so that error pages, static files and the API are compressed too.</summary>
    public static WebApplication UseCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }
}
