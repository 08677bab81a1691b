using System.Globalization;
using Folio.Shared;
using SkiaSharp;

namespace Folio.Features.SharingCards;

/// <summary>
/// Draws a card: the accent colour as background, the picture (or a monogram) and label at the top, the title (at
/// most three lines, as large as fits) and byline in the middle, the site's name on a darker band at the bottom.
/// </summary>
internal static class CardRenderer
{
    private const float Margin = 80;
    private const float PictureSize = 96;
    private const float Top = 64;
    private const float BandHeight = 96;
    private const float ContentTop = Top + PictureSize + 30;
    private const float ContentBottom = CardFace.Height - BandHeight - 30;
    private const float TextWidth = CardFace.Width - 2 * Margin;
    private static readonly float[] TitleSizes = [72, 64, 56, 50];
    private const float TitleLeading = 1.15f;
    private const float BylineSize = 32;
    private const float BylineLeading = 1.3f;

    /// <summary>Pixels drawing holds besides the picture: the canvas, and the copy encoding reads.</summary>
    public const long Pixels = 2L * CardFace.Width * CardFace.Height;

    public static byte[] Render(CardFace face, SKImage? picture)
    {
        var background = SKColor.Parse(face.Background);
        var light = AccentColour.ContrastWithWhite(face.Background) < AccentColour.MinimumContrast;
        var ink = light ? new SKColor(0x1b, 0x1e, 0x25) : SKColors.White;
        var softInk = ink.WithAlpha(light ? (byte)205 : (byte)220);

        using var surface = SKSurface.Create(new SKImageInfo(CardFace.Width, CardFace.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        using var paint = new SKPaint { IsAntialias = true, Color = ink };

        DrawBand(canvas, face.SiteName, Darker(background, light ? 0.12f : 0.3f), ink);
        var labelX = DrawPicture(canvas, face, picture, ink);
        if (face.Label is { } label)
        {
            using var type = new CardType(CardFonts.Strong, 34);
            var line = CardText.Wrap(label, type.Measure, CardFace.Width - Margin - labelX, 1).FirstOrDefault() ?? "";
            paint.Color = ink;
            type.Draw(canvas, line, labelX, Centred(type, Top + PictureSize / 2), paint);
        }

        DrawTitleAndByline(canvas, face, paint, ink, softInk);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawTitleAndByline(SKCanvas canvas, CardFace face, SKPaint paint, SKColor ink, SKColor softInk)
    {
        CardType? title = null;
        IReadOnlyList<string> titleLines = [];
        foreach (var size in TitleSizes)
        {
            title?.Dispose();
            title = new CardType(CardFonts.Title, size, CardBidi.IsRightToLeft(face.Title));
            titleLines = CardText.Wrap(face.Title, title.Measure, TextWidth, 3);
            if (!titleLines.LastOrDefault("").EndsWith(CardText.Ellipsis, StringComparison.Ordinal) || size == TitleSizes[^1])
            {
                break;
            }
        }

        using var byline = new CardType(CardFonts.Text, BylineSize, face.Byline is null ? null : CardBidi.IsRightToLeft(face.Byline));
        IReadOnlyList<string> bylineLines = face.Byline is null ? [] : CardText.Wrap(face.Byline, byline.Measure, TextWidth, titleLines.Count >= 3 ? 1 : 2);

        using (title)
        {
            var titleLine = title!.Size * TitleLeading;
            var bylineLine = BylineSize * BylineLeading;
            var height = titleLines.Count * titleLine + (bylineLines.Count > 0 ? 18 + bylineLines.Count * bylineLine : 0);
            var y = ContentTop + Math.Max(0, (ContentBottom - ContentTop - height) / 2);
            paint.Color = ink;
            foreach (var line in titleLines)
            {
                title.Draw(canvas, line, Start(title, line), y + title.Ascent, paint);
                y += titleLine;
            }

            y += 18;
            paint.Color = softInk;
            foreach (var line in bylineLines)
            {
                byline.Draw(canvas, line, Start(byline, line), y + byline.Ascent, paint);
                y += bylineLine;
            }
        }
    }

    /// <summary>Where a line of the title or byline starts: at the left margin, or set against the right one when it reads right to left.</summary>
    private static float Start(CardType type, string line) =>
        type.IsRightToLeft(line) ? Margin + Math.Max(0, TextWidth - type.Measure(line)) : Margin;

    /// <summary>The site's name on a band across the bottom.</summary>
    private static void DrawBand(SKCanvas canvas, string siteName, SKColor band, SKColor ink)
    {
        using var fill = new SKPaint { Color = band };
        canvas.DrawRect(0, CardFace.Height - BandHeight, CardFace.Width, BandHeight, fill);
        using var type = new CardType(CardFonts.Strong, 30);
        using var paint = new SKPaint { IsAntialias = true, Color = ink };
        var line = CardText.Wrap(siteName, type.Measure, TextWidth, 1).FirstOrDefault() ?? "";
        type.Draw(canvas, line, Margin, Centred(type, CardFace.Height - BandHeight / 2), paint);
    }

    /// <summary>Draws the picture or monogram at the top left; returns where the label starts.</summary>
    private static float DrawPicture(SKCanvas canvas, CardFace face, SKImage? picture, SKColor ink)
    {
        var box = SKRect.Create(Margin, Top, PictureSize, PictureSize);
        var round = face.Card.Kind == SharingCardKind.Author;
        using var shape = new SKRoundRect(box, round ? PictureSize / 2 : 20);
        using var fill = new SKPaint { IsAntialias = true };
        if (picture is not null)
        {
            canvas.Save();
            canvas.ClipRoundRect(shape, antialias: true);
            fill.Color = SKColors.White;
            canvas.DrawRect(box, fill);
            // An avatar fills its circle; a logo keeps its whole shape inside a white tile.
            var inner = round ? box : SKRect.Inflate(box, -8, -8);
            var scale = round
                ? Math.Max(inner.Width / picture.Width, inner.Height / picture.Height)
                : Math.Min(inner.Width / picture.Width, inner.Height / picture.Height);
            var (w, h) = (picture.Width * scale, picture.Height * scale);
            canvas.DrawImage(picture, SKRect.Create(inner.MidX - w / 2, inner.MidY - h / 2, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
            canvas.Restore();
            return Margin + PictureSize + 28;
        }

        var letter = Monogram(face.Mark);
        if (letter.Length == 0)
        {
            return Margin;
        }

        fill.Color = ink.WithAlpha(40);
        canvas.DrawRoundRect(shape, fill);
        using var type = new CardType(CardFonts.Strong, 52);
        using var paint = new SKPaint { IsAntialias = true, Color = ink };
        type.Draw(canvas, letter, box.MidX - type.Measure(letter) / 2, Centred(type, box.MidY), paint);
        return Margin + PictureSize + 28;
    }

    private static string Monogram(string mark)
    {
        var trimmed = mark.Trim();
        return trimmed.Length == 0 ? "" : StringInfo.GetNextTextElement(trimmed).ToUpperInvariant();
    }

    /// <summary>The baseline that centres a line of capitals and lowercase on <paramref name="middle"/>.</summary>
    private static float Centred(CardType type, float middle) => middle + type.CapHeight / 2;

    private static SKColor Darker(SKColor colour, float amount) => new(
        (byte)(colour.Red * (1 - amount)), (byte)(colour.Green * (1 - amount)), (byte)(colour.Blue * (1 - amount)));
}
