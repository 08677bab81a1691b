using Folio.Data;
using SkiaSharp;

namespace Folio.Shared.Images;

/// <summary>
/// Stores an uploaded picture as a <see cref="ResponsiveImage"/>: decoded once, within the <see cref="PixelBudget"/>, no
/// wider than the widest variant, then drawn at each width (one at a time, never larger than the decoded picture) and
/// encoded as JPEG and WebP under media/{folder}.
/// </summary>
public sealed class ImageVariants(DataDirectory dataDirectory, UploadedImages images)
{
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly int MaxWidth = ResponsiveImage.Widths[^1];

    /// <summary>Only the width is bounded; the height follows from it.</summary>
    private static readonly SKSizeI Needed = new(MaxWidth, 1);

    /// <summary>The URL of the largest JPEG, from which every variant's is derived; or why the upload was refused.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, string folder, CancellationToken cancellationToken)
    {
        var (decoded, error) = await images.DecodeAsync(
            await UploadedImages.ReadAsync(file, MaxBytes, cancellationToken), MaxBytes, Needed, cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        var directory = dataDirectory.File("media", folder);
        Directory.CreateDirectory(directory);
        using (decoded)
        {
            var source = decoded.Picture;
            var scale = Math.Min(1.0, MaxWidth / (double)source.Width);
            var width = Math.Max(1, (int)(source.Width * scale));
            var height = Math.Max(1, (int)(source.Height * scale));
            var image = new ResponsiveImage(folder, ResponsiveImage.BaseNameFor(Guid.NewGuid(), width, height), width, height);
            try
            {
                foreach (var variantWidth in image.StoredWidths)
                {
                    var (jpeg, webp) = Encode(source, variantWidth, Math.Max(1, (int)Math.Round(height * (variantWidth / (double)width))));
                    await File.WriteAllBytesAsync(Path.Combine(directory, image.FileName(variantWidth, "jpg")), jpeg, cancellationToken);
                    await File.WriteAllBytesAsync(Path.Combine(directory, image.FileName(variantWidth, "webp")), webp, cancellationToken);
                }
            }
            catch
            {
                Delete(image.Url);
                throw;
            }

            return (image.Url, null);
        }
    }

    /// <summary>Deletes a stored picture and all its variants; a URL of another shape under the folder loses its one file.</summary>
    public void Delete(string? url)
    {
        if (ResponsiveImage.Parse(url) is { } image)
        {
            foreach (var name in image.FileNames())
            {
                File.Delete(dataDirectory.File("media", image.Folder, name));
            }
        }
    }

    // Scales down, never up; JPEG has no transparency, so transparent pixels become white in both formats alike.
    private static (byte[] Jpeg, byte[] Webp) Encode(SKImage source, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(source, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        using var webp = image.Encode(SKEncodedImageFormat.Webp, 80);
        return (jpeg.ToArray(), webp.ToArray());
    }
}
