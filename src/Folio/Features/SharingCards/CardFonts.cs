using System.Collections.Concurrent;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Folio.Features.SharingCards;

/// <summary>
/// The typefaces cards are drawn in. DejaVu is embedded in the assembly (see Fonts/LICENSE.txt), so a fresh server with
/// no fonts still draws Latin, Greek, Cyrillic, Hebrew and Arabic. For what DejaVu lacks (Chinese, Japanese, Korean,
/// Devanagari, emoji…) cards use whatever font installed on the machine has the character: see
/// <see cref="Installed"/>. Characters that no font has are drawn as DejaVu's missing-glyph box.
/// </summary>
internal static class CardFonts
{
    private static readonly Lazy<SKTypeface> TitleFace = new(() => Load("DejaVuSerif-Bold.ttf"));
    private static readonly Lazy<SKTypeface> TextFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> StrongFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Title => TitleFace.Value;
    public static SKTypeface Text => TextFace.Value;
    public static SKTypeface Strong => StrongFace.Value;

    /// <summary>The embedded faces to try, in order, for a character the card's own face lacks (DejaVu Serif has no Arabic, DejaVu Sans has).</summary>
    public static IEnumerable<SKTypeface> Embedded(bool bold) => bold ? [Strong, Text] : [Text, Strong];

    private static readonly ConcurrentDictionary<SKTypeface, SKShaper> Shapers = new(ReferenceEqualityComparer.Instance);

    /// <summary>One HarfBuzz shaper per typeface, kept for good: making one copies the font's file into HarfBuzz.</summary>
    public static SKShaper Shaper(SKTypeface typeface) => Shapers.GetOrAdd(typeface, face => new SKShaper(face));

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(CardFonts).Assembly.GetManifestResourceStream($"fonts/{name}")
            ?? throw new InvalidOperationException($"The font {name} is missing from the assembly's resources.");
        // Copied into Skia's memory: a typeface reads its file lazily, long after a resource stream would be closed.
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {name} could not be read.");
    }

    /// <summary>
    /// Fonts installed on the machine. Skia's default font manager asks fontconfig where SkiaSharp's native library
    /// was built with it; the library Folio ships (SkiaSharp.NativeAssets.Linux.NoDependencies) is not, and instead reads
    /// every font under /usr/share/fonts, but cannot match a character to a font. So a character is first matched the
    /// fontconfig way and, failing that, looked for in each installed family in turn (emoji families first for emoji).
    /// Answers are kept for the life of the process: fonts installed later are seen after a restart.
    /// </summary>
    public static class Installed
    {
        private static readonly Lazy<IReadOnlyList<string>> FamilyNames = new(() => SKFontManager.Default.FontFamilies
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList());

        private static readonly ConcurrentDictionary<(string Family, bool Bold), SKTypeface?> Faces = new();
        private static readonly ConcurrentDictionary<(int Codepoint, bool Bold, bool Emoji), SKTypeface?> ByCharacter = new();

        /// <summary>The names of the installed font families.</summary>
        public static IReadOnlyList<string> Families => FamilyNames.Value;

        /// <summary>An installed typeface that has the character, bold if one is, or null when none has it.</summary>
        /// <param name="emoji">Prefer a colour emoji font, which also has some characters text fonts have (❤, ☀).</param>
        public static SKTypeface? For(int codepoint, bool bold, bool emoji) =>
            ByCharacter.GetOrAdd((codepoint, bold, emoji), key => Find(key.Codepoint, key.Bold, key.Emoji));

        private static SKTypeface? Find(int codepoint, bool bold, bool emoji)
        {
            if (emoji && Scan(codepoint, bold, Families.Where(IsEmojiFamily)) is { } colour)
            {
                return colour;
            }

            var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
            var matched = SKFontManager.Default.MatchCharacter(null, style, null, codepoint);
            if (matched is not null && !string.IsNullOrEmpty(matched.FamilyName) && matched.ContainsGlyph(codepoint))
            {
                return matched;
            }

            return Scan(codepoint, bold, Families);
        }

        private static SKTypeface? Scan(int codepoint, bool bold, IEnumerable<string> families)
        {
            foreach (var family in families)
            {
                if (Face(family, bold) is { } face && face.ContainsGlyph(codepoint))
                {
                    return face;
                }
            }

            return null;
        }

        private static SKTypeface? Face(string family, bool bold) => Faces.GetOrAdd((family, bold), key =>
        {
            using var styles = SKFontManager.Default.GetFontStyles(key.Family);
            return styles is null || styles.Count == 0
                ? null
                : styles.CreateTypeface(key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal);
        });

        public static bool IsEmojiFamily(string? family) => family?.Contains("Emoji", StringComparison.OrdinalIgnoreCase) == true;
    }
}
