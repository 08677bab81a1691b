using SkiaSharp;

namespace Folio.Shared.Images;

public enum ImageProblem
{
    None,
    Empty,
    TooLarge,
    NotAnImage,
    UnsupportedFormat,
}

/// <summary>
/// Uploaded pictures are decoded and drawn afresh, so nothing but pixels survives:
/// no metadata, no location, no payload hidden after the image data.
/// </summary>
public static class ImageReencoder
{
    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    public static string Describe(ImageProblem problem, long maxBytes) => problem switch
    {
        ImageProblem.Empty => "The file is empty. Choose a PNG, JPEG or WebP picture.",
        ImageProblem.TooLarge => $"That file is larger than {maxBytes / 1024 / 1024} MB. Choose a smaller picture.",
        ImageProblem.UnsupportedFormat => "Only PNG, JPEG and WebP pictures can be used.",
        ImageProblem.NotAnImage => "That file isn’t a picture we can read. Choose a PNG, JPEG or WebP picture.",
        _ => "",
    };

    public static async Task<(SKBitmap? Bitmap, ImageProblem Problem)> DecodeAsync(IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, ImageProblem.Empty);
        }

        if (file.Length > maxBytes)
        {
            return (null, ImageProblem.TooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var codec = SKCodec.Create(buffer);
        if (codec is null)
        {
            return (null, ImageProblem.NotAnImage);
        }

        if (!Accepted.Contains(codec.EncodedFormat))
        {
            return (null, ImageProblem.UnsupportedFormat);
        }

        var bitmap = SKBitmap.Decode(codec);
        return bitmap is null ? (null, ImageProblem.NotAnImage) : (bitmap, ImageProblem.None);
    }

    /// <summary>Scales down (never up) to fit the width, then encodes as JPEG.</summary>
    public static byte[] FitWidthAsJpeg(SKBitmap source, int maxWidth, int quality = 85)
    {
        var scale = Math.Min(1.0, maxWidth / (double)source.Width);
        var size = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
        using var resized = source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? source.Copy();
        using var surface = SKSurface.Create(new SKImageInfo(resized.Width, resized.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawBitmap(resized, 0, 0);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
