using System.Text.RegularExpressions;
using Folio.Data;
using SkiaSharp;

namespace Folio.Features.SharingCards;

/// <summary>
/// The logos and avatars a card can draw: only those uploaded to this site, which were decoded and re-encoded as
/// 256-pixel PNGs on upload, read from the data directory. Any other address (the demo's SVG pictures, a picture on
/// another server) gives a monogram instead: an SVG is not drawn, and a card never makes Folio fetch a URL.
/// </summary>
public sealed partial class CardPictures(DataDirectory dataDirectory)
{
    /// <summary>Uploads are 256 pixels a side; a larger file was not written by Folio and is not drawn.</summary>
    public const int MaxSide = 512;
    public const long MaxPixels = (long)MaxSide * MaxSide;
    private const long MaxBytes = 2 * 1024 * 1024;

    public static bool CanDraw(string? url) => url is not null && Uploaded().IsMatch(url);

    public SKImage? Load(string? url)
    {
        var match = url is null ? null : Uploaded().Match(url);
        if (match is not { Success: true })
        {
            return null;
        }

        var file = new FileInfo(dataDirectory.File("media", match.Groups["folder"].Value, match.Groups["name"].Value));
        if (!file.Exists || file.Length > MaxBytes)
        {
            return null;
        }

        using var codec = SKCodec.Create(file.FullName);
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png || codec.Info.Width > MaxSide || codec.Info.Height > MaxSide)
        {
            return null;
        }

        using var bitmap = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        return bitmap is null ? null : SKImage.FromBitmap(bitmap);
    }

    [GeneratedRegex("^/media/(?<folder>communities|avatars)/(?<name>[0-9a-f]{32}\\.png)$")]
    private static partial Regex Uploaded();
}
