using SkiaSharp;

namespace Folio.Features.Settings;

/// <summary>
/// Turns an uploaded picture into a square PNG avatar. The picture is decoded and drawn afresh,
/// so nothing but pixels survives: no metadata, no location, no payload hidden after the image data.
/// </summary>
public static class AvatarImage
{
    public const int Size = 256;
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>A small file can still declare enormous dimensions; refuse before decoding allocates them.</summary>
    private const long MaxPixels = 40_000_000;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    /// <summary>The re-encoded PNG, or the message that says why the picture was refused.</summary>
    public static (byte[]? Png, string? Error) ToSquarePng(byte[] upload)
    {
        if (upload.Length == 0)
        {
            return (null, "That file is empty. Choose a PNG, JPEG or WebP picture.");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, TooLarge);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, "That file isn’t a picture we can read. Choose a PNG, JPEG or WebP picture.");
        }

        if (!Accepted.Contains(codec.EncodedFormat))
        {
            return (null, "Only PNG, JPEG and WebP pictures can be used.");
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return (null, "That picture has too many pixels. Choose one smaller than 40 megapixels.");
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, "That picture is damaged or incomplete. Choose another one.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        return (CropAndEncode(upright), null);
    }

    public static string TooLarge => $"That file is larger than {MaxBytes / 1024 / 1024} MB. Choose a smaller picture.";

    /// <summary>Takes the largest centred square and scales it to <see cref="Size"/> pixels a side.</summary>
    private static byte[] CropAndEncode(SKImage source)
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

    /// <summary>Phones store photos sideways and say so in EXIF; the metadata is dropped, so the turn is applied to the pixels.</summary>
    private static SKImage Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return SKImage.FromBitmap(bitmap);
        }

        float w = bitmap.Width, h = bitmap.Height;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        using var surface = SKSurface.Create(new SKImageInfo(turned ? bitmap.Height : bitmap.Width, turned ? bitmap.Width : bitmap.Height));
        surface.Canvas.SetMatrix(matrix);
        surface.Canvas.DrawBitmap(bitmap, 0, 0);
        return surface.Snapshot();
    }
}
