using Folio.Data;
using Folio.Shared.Images;

namespace Folio.Features.Writing;

/// <summary>Hero images, stored under media/heroes in several widths as JPEG and WebP (<see cref="ResponsiveImage"/>).</summary>
public sealed class HeroImages(DataDirectory dataDirectory, ImageVariants variants)
{
    public const long MaxBytes = ImageVariants.MaxBytes;

    /// <summary>Re-encodes the upload at most 1600 px wide, with its narrower variants; returns its URL or why it was refused.</summary>
    public Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken) =>
        variants.SaveAsync(file, "heroes", cancellationToken);

    /// <summary>Deletes an uploaded hero and every variant of it; other URLs (demo pictures, external) are left alone.</summary>
    public void DeleteIfUploaded(string? url)
    {
        if (ResponsiveImage.Parse(url) is { Folder: "heroes" })
        {
            variants.Delete(url);
        }
        else if (url is not null && url.StartsWith("/media/heroes/", StringComparison.Ordinal))
        {
            // A hero stored before variants: one JPEG.
            File.Delete(dataDirectory.File("media", "heroes", Path.GetFileName(url)));
        }
    }
}
