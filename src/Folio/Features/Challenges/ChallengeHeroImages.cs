using Folio.Data;
using Folio.Shared.Images;
using SkiaSharp;

namespace Folio.Features.Challenges;

/// <summary>
/// Uploaded challenge heroes live in the data directory under media/challenges, served at /media/challenges: decoded
/// and drawn afresh (nothing but pixels survives, as with every upload), no wider than <see cref="MaxWidth"/>.
/// </summary>
public sealed class ChallengeHeroImages(DataDirectory dataDirectory, UploadedImages images)
{
    private readonly MediaFolder _folder = new(dataDirectory, "challenges");

    public const int MaxWidth = 1600;
    public const long MaxBytes = 8 * 1024 * 1024;

    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            return (null, UploadedImages.TooLarge(MaxBytes));
        }

        var bytes = await UploadedImages.ReadAsync(file, MaxBytes, cancellationToken);
        var (decoded, error) = await images.DecodeAsync(bytes, MaxBytes, new SKSizeI(MaxWidth, MaxWidth * 9 / 16), cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        byte[] jpeg;
        using (decoded)
        {
            jpeg = Fit(decoded.Picture);
        }

        return (await _folder.SaveAsync(jpeg, "jpg", cancellationToken), null);
    }

    /// <summary>Deletes the file behind an uploaded picture; other URLs (demo pictures) are left alone.</summary>
    public void DeleteIfUploaded(string? url) => _folder.DeleteIfUploaded(url);

    private static byte[] Fit(SKImage source)
    {
        var scale = Math.Min(1f, (float)MaxWidth / source.Width);
        var (w, h) = (Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        // JPEG has no transparency: a transparent PNG is laid on white.
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(source, SKRect.Create(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }
}
