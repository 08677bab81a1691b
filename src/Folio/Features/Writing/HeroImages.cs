using Folio.Data;
using Folio.Shared.Images;

namespace Folio.Features.Writing;

public sealed class HeroImages(DataDirectory dataDirectory)
{
    public const long MaxBytes = 8 * 1024 * 1024;
    private const int MaxWidth = 1600;

    /// <summary>Re-encodes the upload and stores it under media/heroes; returns its URL or why it was refused.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var (bitmap, problem) = await ImageReencoder.DecodeAsync(file, MaxBytes, cancellationToken);
        if (bitmap is null)
        {
            return (null, ImageReencoder.Describe(problem, MaxBytes));
        }

        using (bitmap)
        {
            var folder = dataDirectory.File("media", "heroes");
            Directory.CreateDirectory(folder);
            var name = $"{Guid.NewGuid():N}.jpg";
            await File.WriteAllBytesAsync(Path.Combine(folder, name), ImageReencoder.FitWidthAsJpeg(bitmap, MaxWidth), cancellationToken);
            return ($"/media/heroes/{name}", null);
        }
    }

    public void DeleteIfUploaded(string? url)
    {
        if (url is not null && url.StartsWith("/media/heroes/", StringComparison.Ordinal))
        {
            var path = dataDirectory.File("media", "heroes", Path.GetFileName(url));
            File.Delete(path);
        }
    }
}
