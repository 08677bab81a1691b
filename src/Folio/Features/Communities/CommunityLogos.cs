using Folio.Data;
using Folio.Shared.Images;
using SkiaSharp;

namespace Folio.Features.Communities;

/// <summary>
/// Uploaded community logos live in the data directory under media/communities and are served at /media/communities.
/// Only raster pictures are taken, decoded and drawn afresh as PNG: an SVG is a document that can carry script and
/// links, and no sanitiser Folio depends on is trusted to make one safe, so SVG is refused with a way round it.
/// </summary>
public sealed class CommunityLogos(DataDirectory dataDirectory, UploadedImages images)
{
    private readonly MediaFolder _folder = new(dataDirectory, "communities");

    public const int Size = 256;
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string SvgRefused = "SVG logos aren’t accepted, because an SVG can carry script. Export the logo as a PNG (256 × 256 or larger) and upload that.";

    public async Task<(string? Url, string? Error)> SaveAsync(Stream upload, long length, CancellationToken cancellationToken)
    {
        if (length > MaxBytes)
        {
            return (null, UploadedImages.TooLarge(MaxBytes));
        }

        using var buffer = new MemoryStream((int)length);
        await upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (LooksLikeSvg(bytes))
        {
            return (null, SvgRefused);
        }

        var (decoded, error) = await images.DecodeAsync(bytes, MaxBytes, new SKSizeI(Size, Size), cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        byte[] png;
        using (decoded)
        {
            png = Fit(decoded.Picture);
        }

        return (await _folder.SaveAsync(png, "png", cancellationToken), null);
    }

    public Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            return Task.FromResult<(string?, string?)>((null, UploadedImages.TooLarge(MaxBytes)));
        }

        return SaveFromAsync(file, cancellationToken);
    }

    private async Task<(string? Url, string? Error)> SaveFromAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await SaveAsync(stream, file.Length, cancellationToken);
    }

    /// <summary>Deletes the file behind an uploaded picture; other URLs (demo pictures) are left alone.</summary>
    public void DeleteIfUploaded(string? url) => _folder.DeleteIfUploaded(url);

    private static bool LooksLikeSvg(byte[] bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole picture, centred on a transparent square <see cref="Size"/> pixels a side.</summary>
    private static byte[] Fit(SKImage source)
    {
        var scale = Math.Min((float)Size / source.Width, (float)Size / source.Height);
        var (w, h) = (source.Width * scale, source.Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.DrawImage(source, SKRect.Create((Size - w) / 2, (Size - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
