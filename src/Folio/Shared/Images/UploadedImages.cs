using SkiaSharp;

namespace Folio.Shared.Images;

/// <summary>
/// Uploaded pictures are decoded and drawn afresh, so nothing but pixels survives:
/// no metadata, no location, no payload hidden after the image data.
/// They are decoded no larger than their use needs, within the process's <see cref="PixelBudget"/>.
/// </summary>
public sealed class UploadedImages(PixelBudget budget)
{
    /// <summary>A small file can still declare enormous dimensions; refuse before decoding allocates them.</summary>
    private const long MaxPixels = 40_000_000;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    public static string TooLarge(long maxBytes) => $"That file is larger than {maxBytes / 1024 / 1024} MB. Choose a smaller picture.";

    /// <summary>
    /// The upright picture, or the message that says why it was refused. It is decoded at the smallest size still at least
    /// <paramref name="needed"/> in both directions (a smaller picture at its own size), once the budget has room for it.
    /// </summary>
    public async Task<(DecodedImage? Image, string? Error)> DecodeAsync(byte[] upload, long maxBytes, SKSizeI needed, CancellationToken cancellationToken)
    {
        if (upload.Length == 0)
        {
            return (null, "That file is empty. Choose a PNG, JPEG or WebP picture.");
        }

        if (upload.Length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
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

        var decoder = ReducedDecoder.Start(codec, needed);
        // Besides decoding: the upright copy, then the caller's drawing, each no larger than the decoded picture.
        var lease = await budget.TakeAsync(decoder.Pixels + (long)decoder.Size.Width * decoder.Size.Height, cancellationToken);
        try
        {
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return (null, "Too many pictures are being uploaded right now. Try again in a minute.");
            }

            using var decoded = decoder.Decode();
            if (decoded is null)
            {
                lease.Dispose();
                return (null, "That picture is damaged or incomplete. Choose another one.");
            }

            return (new DecodedImage(Upright(decoded, codec.EncodedOrigin), lease), null);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public static async Task<byte[]> ReadAsync(IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        if (file.Length > maxBytes)
        {
            return new byte[maxBytes + 1];
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
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
