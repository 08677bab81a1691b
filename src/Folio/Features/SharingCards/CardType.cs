using System.Text;
using SkiaSharp;

namespace Folio.Features.SharingCards;

/// <summary>
/// Text in one of <see cref="CardFonts"/> at one size. Characters the font lacks (Chinese, Arabic, emoji) are drawn in
/// whatever system font has them, when the machine has one; otherwise they show as the font's missing-glyph box.
/// </summary>
internal sealed class CardType(SKTypeface typeface, float size) : IDisposable
{
    private readonly SKFont _font = new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
    private readonly Dictionary<string, SKFont> _fallbacks = [];

    public float Size => size;

    public float Measure(string text) => Runs(text).Sum(run => run.Font.MeasureText(run.Text));

    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKPaint paint)
    {
        foreach (var (run, font) in Runs(text))
        {
            canvas.DrawText(run, x, baseline, font, paint);
            x += font.MeasureText(run);
        }
    }

    /// <summary>The distance from the top of a line to its baseline.</summary>
    public float Ascent => -_font.Metrics.Ascent;

    /// <summary>The height of a capital letter above the baseline.</summary>
    public float CapHeight => _font.Metrics.CapHeight;

    private IEnumerable<(string Text, SKFont Font)> Runs(string text)
    {
        var run = new StringBuilder();
        var current = _font;
        foreach (var rune in text.EnumerateRunes())
        {
            var font = FontFor(rune);
            if (font != current && run.Length > 0)
            {
                yield return (run.ToString(), current);
                run.Clear();
            }

            current = font;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), current);
        }
    }

    private SKFont FontFor(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || _font.ContainsGlyph(rune.Value))
        {
            return _font;
        }

        var fallback = SKFontManager.Default.MatchCharacter(rune.Value);
        if (fallback is null)
        {
            return _font;
        }

        if (!_fallbacks.TryGetValue(fallback.FamilyName, out var font))
        {
            font = new SKFont(fallback, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            _fallbacks[fallback.FamilyName] = font;
        }

        return font;
    }

    public void Dispose()
    {
        _font.Dispose();
        foreach (var font in _fallbacks.Values)
        {
            font.Dispose();
        }
    }
}
