using SkiaSharp;

namespace Folio.Features.SharingCards;

/// <summary>
/// The typefaces cards are drawn in, embedded in the assembly (DejaVu, see Fonts/LICENSE.txt): Skia finds system fonts
/// through fontconfig, and a fresh server may have none, which would draw every card without text.
/// </summary>
internal static class CardFonts
{
    private static readonly Lazy<SKTypeface> TitleFace = new(() => Load("DejaVuSerif-Bold.ttf"));
    private static readonly Lazy<SKTypeface> TextFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> StrongFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Title => TitleFace.Value;
    public static SKTypeface Text => TextFace.Value;
    public static SKTypeface Strong => StrongFace.Value;

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(CardFonts).Assembly.GetManifestResourceStream($"fonts/{name}")
            ?? throw new InvalidOperationException($"The font {name} is missing from the assembly's resources.");
        // Copied into Skia's memory: a typeface reads its file lazily, long after a resource stream would be closed.
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {name} could not be read.");
    }
}
