using Folio.Data;
using Folio.Shared.Images;
using SkiaSharp;

namespace Folio.Features.Writing;

public sealed class HeroImages(DataDirectory dataDirectory, UploadedImages images)
{
    public const long MaxBytes = 8 * 1024 * 1024;
    private const int MaxWidth = 1600;

    /// <summary>Only the width is bounded; the height follows from it.</summary>
    private static readonly SKSizeI Needed = new(MaxWidth, 1);

    /// <summary>Re-encodes the upload as a JPEG at most 1600 px wide under media/heroes; returns its URL or why it was refused.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var (decoded, error) = await images.DecodeAsync(
            await UploadedImages.ReadAsync(file, MaxBytes, cancellationToken), MaxBytes, Needed, cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        byte[] jpeg;
        using (decoded)
        {
            jpeg = FitWidthAsJpeg(decoded.Picture);
        }

        var folder = dataDirectory.File("media", "heroes");
        Directory.CreateDirectory(folder);
        var name = $"{Guid.NewGuid():N}.jpg";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), jpeg, cancellationToken);
        return ($"/media/heroes/{name}", null);
    }

    public void DeleteIfUploaded(string? url)
    {
        if (url is not null && url.StartsWith("/media/heroes/", StringComparison.Ordinal))
        {
            File.Delete(dataDirectory.File("media", "heroes", Path.GetFileName(url)));
        }
    }

    // Scales down, never up; JPEG has no transparency, so transparent pixels become white.
    private static byte[] FitWidthAsJpeg(SKImage source)
    {
        var scale = Math.Min(1.0, MaxWidth / (double)source.Width);
        var width = Math.Max(1, (int)(source.Width * scale));
        var height = Math.Max(1, (int)(source.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(source, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }
}
