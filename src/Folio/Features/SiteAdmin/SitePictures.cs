using Folio.Shared.Images;
using SkiaSharp;

namespace Folio.Features.SiteAdmin;

public sealed record SitePicture(byte[] Png, int Width, int Height);

/// <summary>
/// Turns an uploaded logo or favicon into a PNG of the size it is shown at. Only raster pictures are taken, decoded and
/// drawn afresh (<see cref="UploadedImages"/>), so nothing but pixels reaches a visitor. SVG is refused rather than
/// sanitised: it is a document that can carry script, styles, external references and entity tricks, Folio has no SVG
/// sanitiser or rasteriser it trusts, and a PNG export from any design tool looks the same at these sizes.
/// </summary>
public sealed class SitePictures(UploadedImages images)
{
    public const long MaxBytes = 1024 * 1024;
    public const int LogoMaxHeight = 96;
    public const int LogoMaxWidth = 480;
    public const int FaviconSize = 64;

    public async Task<(SitePicture? Picture, string? Error)> ReadAsync(string name, IFormFile file, CancellationToken cancellationToken)
    {
        if (file.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "SVG files are not accepted, because they can carry scripts. Export the picture as PNG and upload that.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, UploadedImages.TooLarge(MaxBytes));
        }

        var needed = name == SiteImage.Favicon ? new SKSizeI(FaviconSize, FaviconSize) : new SKSizeI(1, LogoMaxHeight);
        var (decoded, error) = await images.DecodeAsync(await UploadedImages.ReadAsync(file, MaxBytes, cancellationToken), MaxBytes, needed, cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        using (decoded)
        {
            return (name == SiteImage.Favicon ? Favicon(decoded.Picture) : Logo(decoded.Picture), null);
        }
    }

    /// <summary>Scaled down, never up, to fit <see cref="LogoMaxWidth"/> × <see cref="LogoMaxHeight"/>.</summary>
    private static SitePicture Logo(SKImage source)
    {
        var scale = Math.Min(1.0, Math.Min((double)LogoMaxWidth / source.Width, (double)LogoMaxHeight / source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        return Draw(source, SKRect.Create(source.Width, source.Height), width, height);
    }

    /// <summary>The largest centred square, at <see cref="FaviconSize"/> pixels a side.</summary>
    private static SitePicture Favicon(SKImage source)
    {
        var side = Math.Min(source.Width, source.Height);
        return Draw(source, SKRect.Create((source.Width - side) / 2f, (source.Height - side) / 2f, side, side), FaviconSize, FaviconSize);
    }

    private static SitePicture Draw(SKImage source, SKRect crop, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.DrawImage(source, crop, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new SitePicture(png.ToArray(), width, height);
    }
}
