using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace Folio.Features.SharingCards;

/// <summary>
/// Text in one of <see cref="CardFonts"/> at one size, one line at a time. Each character cluster is drawn in the first
/// font that has it: the card's own, then the other embedded DejaVu faces, then an installed font
/// (<see cref="CardFonts.Installed"/>); a cluster no font has is drawn in the card's own font, as its missing-glyph box.
/// Runs of one font and direction are shaped by HarfBuzz (Arabic letters join, Devanagari conjuncts form, emoji sequences
/// become one picture) and put in visual order (<see cref="CardBidi"/>), so measuring and drawing agree.
/// </summary>
/// <param name="rightToLeft">Whether the text this draws reads right to left (a title's lines are all laid out as the
/// whole title reads); null to judge each line by itself.</param>
internal sealed class CardType(SKTypeface typeface, float size, bool? rightToLeft = null) : IDisposable
{
    private readonly bool _bold = typeface.IsBold;
    private readonly Face _face = new(typeface, NewFont(typeface, size, embolden: false));
    private readonly Dictionary<SKTypeface, Face> _fallbacks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);

    public float Size => size;

    public float Measure(string text) => Layout(text).Width;

    /// <summary>Whether a line reads right to left, so is set against the right margin.</summary>
    public bool IsRightToLeft(string line) => rightToLeft ?? CardBidi.IsRightToLeft(line);

    /// <summary>Draws the line with its left end at <paramref name="x"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKPaint paint)
    {
        var line = Layout(text);
        if (line.Runs.Count == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        foreach (var run in line.Runs)
        {
            var buffer = builder.AllocatePositionedRun(run.Face.Font, run.Glyphs.Length);
            buffer.SetGlyphs(run.Glyphs);
            buffer.SetPositions(run.Positions);
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, x, baseline, paint);
        }
    }

    /// <summary>The distance from the top of a line to its baseline.</summary>
    public float Ascent => -_face.Font.Metrics.Ascent;

    /// <summary>The height of a capital letter above the baseline.</summary>
    public float CapHeight => _face.Font.Metrics.CapHeight;

    /// <summary>The fonts a line is drawn in, from left to right, one per run (for tests).</summary>
    internal IEnumerable<SKTypeface> TypefacesOf(string text) => Layout(text).Runs.Select(run => run.Face.Typeface);

    /// <summary>A typeface and the font at this size drawn from it (the typeface is kept: SKFont.Typeface makes a new wrapper).</summary>
    private sealed record Face(SKTypeface Typeface, SKFont Font);

    private sealed record Run(Face Face, ushort[] Glyphs, SKPoint[] Positions);

    private sealed record Line(IReadOnlyList<Run> Runs, float Width);

    private Line Layout(string text)
    {
        if (_lines.TryGetValue(text, out var known))
        {
            return known;
        }

        // Each cluster's font and direction, in the order it was written.
        var clusters = new List<(string Text, Face Face)>();
        var classes = new List<CardBidi.Class>();
        Face? previous = null;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var cluster = elements.GetTextElement();
            previous = FontFor(cluster, previous);
            clusters.Add((cluster, previous));
            classes.Add(CardBidi.Classify(cluster));
        }

        var levels = CardBidi.Levels(classes, IsRightToLeft(text));

        // Runs of one font and one level, shaped in visual order.
        var pieces = new List<(StringBuilder Text, Face Face, int Level)>();
        for (var i = 0; i < clusters.Count; i++)
        {
            if (pieces.Count > 0 && pieces[^1].Face == clusters[i].Face && pieces[^1].Level == levels[i])
            {
                pieces[^1].Text.Append(clusters[i].Text);
            }
            else
            {
                pieces.Add((new StringBuilder(clusters[i].Text), clusters[i].Face, levels[i]));
            }
        }

        var runs = new List<Run>();
        var x = 0f;
        foreach (var index in CardBidi.VisualOrder(pieces.Select(piece => piece.Level).ToList()))
        {
            var (pieceText, face, level) = pieces[index];
            using var buffer = new Buffer();
            buffer.AddUtf16(pieceText.ToString());
            buffer.GuessSegmentProperties();
            buffer.Direction = level % 2 == 1 ? Direction.RightToLeft : Direction.LeftToRight;
            var shaped = CardFonts.Shaper(face.Typeface).Shape(buffer, x, 0, face.Font);
            runs.Add(new Run(face, shaped.Codepoints.Select(glyph => (ushort)glyph).ToArray(), shaped.Points));
            x += shaped.Width;
        }

        var line = new Line(runs, x);
        _lines[text] = line;
        return line;
    }

    /// <summary>The first font that has every character of the cluster; spaces and joiners stay in the font before them.</summary>
    private Face FontFor(string cluster, Face? previous)
    {
        var runes = cluster.EnumerateRunes().Where(rune => !IsIgnorable(rune)).ToList();
        if (runes.Count == 0 || runes.All(Rune.IsWhiteSpace))
        {
            return previous is not null && Covers(previous.Typeface, cluster.EnumerateRunes()) ? previous : _face;
        }

        var emoji = IsEmoji(cluster, runes[0]);
        if (emoji && CardFonts.Installed.For(runes[0].Value, _bold, emoji: true) is { } colour
            && CardFonts.Installed.IsEmojiFamily(colour.FamilyName))
        {
            return Fallback(colour);
        }

        if (Covers(typeface, runes))
        {
            return _face;
        }

        foreach (var embedded in CardFonts.Embedded(_bold))
        {
            if (!ReferenceEquals(embedded, typeface) && Covers(embedded, runes))
            {
                return Fallback(embedded);
            }
        }

        return CardFonts.Installed.For(runes[0].Value, _bold, emoji) is { } installed ? Fallback(installed) : _face;
    }

    private Face Fallback(SKTypeface typeface)
    {
        if (!_fallbacks.TryGetValue(typeface, out var face))
        {
            // A typeface with no bold (most CJK fonts) is emboldened to sit with the bold title; a picture font is not.
            var embolden = _bold && !typeface.IsBold && !CardFonts.Installed.IsEmojiFamily(typeface.FamilyName);
            face = new Face(typeface, NewFont(typeface, size, embolden));
            _fallbacks[typeface] = face;
        }

        return face;
    }

    private static SKFont NewFont(SKTypeface face, float size, bool embolden) =>
        new(face, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Embolden = embolden };

    private static bool Covers(SKTypeface face, IEnumerable<Rune> runes) => runes.All(rune => face.ContainsGlyph(rune.Value));

    /// <summary>Characters that select or join rather than draw: zero-width joiners and spaces, variation selectors.</summary>
    private static bool IsIgnorable(Rune rune) => rune.Value is
        (>= 0x200B and <= 0x200F) or (>= 0x2060 and <= 0x2064) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// A cluster shown as a colour picture: one asking for emoji presentation (U+FE0F, a skin tone, a joined sequence,
    /// a keycap) or a pictograph from the planes of symbols above U+1F000.
    /// </summary>
    private static bool IsEmoji(string cluster, Rune first) =>
        cluster.Contains('\uFE0F') || cluster.Contains('\u200D') || cluster.Contains('\u20E3')
        || cluster.EnumerateRunes().Any(rune => rune.Value is >= 0x1F3FB and <= 0x1F3FF)
        || (first.Value is >= 0x1F000 and <= 0x1FAFF && Rune.GetUnicodeCategory(first) == UnicodeCategory.OtherSymbol)
        || first.Value is >= 0x1F1E6 and <= 0x1F1FF;

    public void Dispose()
    {
        _face.Font.Dispose();
        foreach (var face in _fallbacks.Values)
        {
            face.Font.Dispose();
        }
    }
}
