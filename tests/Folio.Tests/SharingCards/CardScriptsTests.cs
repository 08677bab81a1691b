using Folio.Features.SharingCards;
using SkiaSharp;

namespace Folio.Tests.SharingCards;

/// <summary>
/// Sharing cards draw every script: DejaVu (embedded) for what it has, an installed font for the rest, shaped by
/// HarfBuzz and laid out right to left where the text reads so. A character no font has is DejaVu's missing-glyph box,
/// the same box for every such character: drawings that differ from each other and from that box are real glyphs.
/// </summary>
public sealed class CardScriptsTests
{
    /// <summary>U+0378 is unassigned: no font has it, so it is drawn as the missing-glyph box.</summary>
    private const string NoFontHasIt = "\u0378";

    [InstalledFontFact(0x3042, "fonts-wqy-microhei")]
    public void JapaneseChineseAndKoreanAreDrawnInAnInstalledFontNotAsBoxes() =>
        AssertDrawnAsDistinctGlyphs(CardFonts.Title, "あ", "い", "ア", "東", "京", "中", "한", "글");

    [InstalledFontFact(0x0915, "fonts-lohit-deva")]
    public void DevanagariIsDrawnAndItsConjunctsAreShaped()
    {
        AssertDrawnAsDistinctGlyphs(CardFonts.Text, "क", "ष", "न", "ह");

        // क + virama + ष is one conjunct (क्ष), narrower than the two letters side by side.
        using var type = new CardType(CardFonts.Text, 64);
        Assert.True(type.Measure("क्ष") < type.Measure("क") + type.Measure("ष") - 5,
            $"क्ष measures {type.Measure("क्ष")}: its letters were not joined");
    }

    [InstalledFontFact(0x1F30A, "fonts-noto-color-emoji")]
    public void EmojiAreDrawnInColour()
    {
        using var type = new CardType(CardFonts.Title, 72);
        using var wave = Draw(type, "🌊");
        using var box = Draw(type, NoFontHasIt);

        // Drawn in black ink, only a colour emoji font puts blue on the page.
        Assert.True(Count(wave, IsColourful) > 200, "the wave should be drawn in colour");
        Assert.Equal(0, Count(box, IsColourful));
        // A family, joined by zero-width joiners, is one picture, not three.
        Assert.True(type.Measure("👩‍👩‍👧") < 1.5f * type.Measure("👩"), "the joined family should be one glyph");
        SaveIfAsked(Card("नदी के किनारे की कहानियाँ 🌊 and שלום, 한강", "Priya Sharma 👩‍👩‍👧", "नदियाँ"), "sharing-card-mixed.png");
    }

    [Fact]
    public void HebrewAndArabicAreDrawnWithTheEmbeddedFontsEvenInTheSerifTitle()
    {
        AssertDrawnAsDistinctGlyphs(CardFonts.Title, "ש", "ל", "ب", "ع");
        using var type = new CardType(CardFonts.Title, 72);
        Assert.All(type.TypefacesOf("שלום عالم"), face => Assert.Equal("DejaVu Sans", face.FamilyName));
    }

    [Fact]
    public void ArabicLettersJoin()
    {
        using var type = new CardType(CardFonts.Title, 72);

        // Beh standing alone has its full bowl; at the start and in the middle of a word it is a short tooth.
        Assert.True(type.Measure("ببب") < 2.5f * type.Measure("ب"), $"ببب measures {type.Measure("ببب")}, ب {type.Measure("ب")}: the letters were not joined");
    }

    [Fact]
    public void HebrewIsDrawnFromRightToLeft()
    {
        using var type = new CardType(CardFonts.Title, 72);
        // Lamed is the one Hebrew letter that rises above the others: written after shin, it is drawn to its left.
        using var line = Draw(type, "של");

        var (left, right) = InkColumns(line);
        var top = TopInkRow(line);
        var riser = Enumerable.Range(0, line.Width).Where(x => IsInk(line.GetPixel(x, top))).Average();
        Assert.True(riser < (left + right) / 2f, $"lamed's riser is at x = {riser}, in the right half of {left}–{right}");
        Assert.True(type.IsRightToLeft("של"));
    }

    [Fact]
    public void ALineMixingScriptsIsLaidOutInVisualOrder()
    {
        Assert.Equal("world םולש", Visual("שלום world"));
        Assert.Equal("2026 םולש", Visual("שלום 2026"));
        Assert.Equal("Folio: םולש world", Visual("Folio: שלום world"));
        Assert.Equal("The Weir", Visual("The Weir"));
        Assert.False(CardBidi.IsRightToLeft("2026: The Weir"));
        Assert.True(CardBidi.IsRightToLeft("2026: نهر"));
    }

    [InstalledFontFact(0x3042, "fonts-wqy-microhei")]
    public void ACardTitledInJapaneseDrawsItsTitleAndWrapsIt()
    {
        var japanese = Card("川のほとりで見つけた古い地図と、祖母が話してくれた村の物語", "佐藤 花子", "川と湖");
        var boxes = Card(new string(NoFontHasIt[0], 29), "佐藤 花子", "川と湖");
        SaveIfAsked(japanese, "sharing-card-cjk.png");

        using var drawn = SKBitmap.Decode(japanese);
        using var boxed = SKBitmap.Decode(boxes);
        var title = SKRectI.Create(80, 190, 1040, 260);
        // Boxes repeat one pattern; the Japanese glyphs do not, so the title areas differ.
        var differing = 0;
        for (var y = title.Top; y < title.Bottom; y++)
        {
            for (var x = title.Left; x < title.Right; x++)
            {
                differing += drawn.GetPixel(x, y) == boxed.GetPixel(x, y) ? 0 : 1;
            }
        }

        Assert.True(differing > 5000, $"only {differing} pixels of the title differ from a title of boxes");
        // The title (29 characters, no spaces) is cut into lines that fit the card's width.
        using var type = new CardType(CardFonts.Title, 72);
        var lines = CardText.Wrap("川のほとりで見つけた古い地図と、祖母が話してくれた村の物語", type.Measure, 1040, 3);
        Assert.True(lines.Count >= 2, string.Join(" | ", lines));
        Assert.All(lines, line => Assert.True(type.Measure(line) <= 1040, $"{line} is wider than the card"));
    }

    [Fact]
    public void ACardTitledInArabicIsSetFromTheRightMargin()
    {
        var png = Card("ضفاف النهر", "ليلى حداد", "أنهار");
        SaveIfAsked(png, "sharing-card-arabic.png");

        using var card = SKBitmap.Decode(png);
        // The one line of title, centred above the byline (which begins "By", so reads left to right).
        var ink = Enumerable.Range(0, card.Width)
            .Where(x => Enumerable.Range(250, 115).Any(y => IsWhite(card.GetPixel(x, y))))
            .ToList();
        Assert.NotEmpty(ink);
        Assert.InRange(ink.Max(), 1090, 1120);
        Assert.True(ink.Min() > 500, $"the title starts at x = {ink.Min()}: it should be set against the right margin");
    }

    private static bool IsWhite(SKColor pixel) => pixel.Red > 200 && pixel.Green > 200 && pixel.Blue > 200;

    private static byte[] Card(string title, string creator, string community)
    {
        var card = SharingCard.ForStory(1, title, creator, community, "#2f6b45", null);
        return CardRenderer.Render(new CardFace(card, card.Title, card.Byline, card.Label, card.Mark, card.Accent, null, "Folio", card.Alt), null);
    }

    /// <summary>Set FOLIO_CARD_SAMPLES to a folder to keep the cards these tests draw (to look at them).</summary>
    private static void SaveIfAsked(byte[] png, string name)
    {
        if (Environment.GetEnvironmentVariable("FOLIO_CARD_SAMPLES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), png);
        }
    }

    private static string Visual(string text)
    {
        var clusters = text.Select(c => c.ToString()).ToList();
        var levels = CardBidi.Levels(clusters.Select(CardBidi.Classify).ToList(), CardBidi.IsRightToLeft(text));
        // Reordering clusters one by one: a right-to-left run comes out reversed, as it is drawn.
        return string.Concat(CardBidi.VisualOrder(levels).Select(i => clusters[i]));
    }

    /// <summary>Each text draws something, and no two draw the same: none is the missing-glyph box.</summary>
    private static void AssertDrawnAsDistinctGlyphs(SKTypeface face, params string[] texts)
    {
        using var type = new CardType(face, 72);
        var box = Pixels(type, NoFontHasIt);
        var drawings = texts.Select(text => (Text: text, Pixels: Pixels(type, text))).ToList();
        foreach (var (text, pixels) in drawings)
        {
            Assert.True(pixels.Count(b => b != 0xFF) > 100, $"{text} drew nothing");
            Assert.False(pixels.AsSpan().SequenceEqual(box), $"{text} was drawn as the missing-glyph box");
        }

        for (var i = 0; i < drawings.Count; i++)
        {
            for (var j = i + 1; j < drawings.Count; j++)
            {
                Assert.False(drawings[i].Pixels.AsSpan().SequenceEqual(drawings[j].Pixels), $"{drawings[i].Text} and {drawings[j].Text} were drawn alike");
            }
        }
    }

    private static SKBitmap Draw(CardType type, string text)
    {
        var bitmap = new SKBitmap(new SKImageInfo(400, 160, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        type.Draw(canvas, text, 20, 110, paint);
        return bitmap;
    }

    private static byte[] Pixels(CardType type, string text)
    {
        using var bitmap = Draw(type, text);
        return bitmap.Bytes;
    }

    private static bool IsInk(SKColor pixel) => pixel.Red + pixel.Green + pixel.Blue < 3 * 128;

    private static bool IsColourful(SKColor pixel) =>
        Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue)) - Math.Min(pixel.Red, Math.Min(pixel.Green, pixel.Blue)) > 60;

    private static int Count(SKBitmap bitmap, Func<SKColor, bool> test)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += test(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }

    private static (int Left, int Right) InkColumns(SKBitmap bitmap)
    {
        var columns = Enumerable.Range(0, bitmap.Width).Where(x => Enumerable.Range(0, bitmap.Height).Any(y => IsInk(bitmap.GetPixel(x, y)))).ToList();
        return (columns.Min(), columns.Max());
    }

    private static int TopInkRow(SKBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Height).First(y => Enumerable.Range(0, bitmap.Width).Any(x => IsInk(bitmap.GetPixel(x, y))));
}
