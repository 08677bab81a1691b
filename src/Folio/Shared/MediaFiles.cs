using Folio.Data;
using Microsoft.Extensions.FileProviders;

namespace Folio.Shared;

public static class MediaFiles
{
    /// <summary>
    /// Serves uploads (avatars, hero images) from the data directory's media folder at /media.
    /// Every file there was re-encoded on upload and has a random name that is never reused, so it can be cached for good.
    /// </summary>
    public static WebApplication UseMediaFiles(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<DataDirectory>().File("media");
        Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/media",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        return app;
    }
}
