using SkiaSharp;

namespace Folio.Features.Settings;

/// <summary>Turns an uploaded picture into a square PNG avatar.</summary>
public static class AvatarImage
{
    public const int Size = 256;
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The largest centred square must still be <see cref="Size"/> pixels a side, so the shorter side must be.</summary>
    public static readonly SKSizeI Needed = new(Size, Size);

    /// <summary>Takes the largest centred square and scales it to <see cref="Size"/> pixels a side.</summary>
    public static byte[] CropAndEncode(SKImage source)
    {
        var side = Math.Min(source.Width, source.Height);
        var crop = SKRectI.Create((source.Width - side) / 2, (source.Height - side) / 2, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.DrawImage(source, crop, SKRect.Create(Size, Size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
