using System.Globalization;

namespace Folio.Features.Communities;

/// <summary>WCAG 2 contrast between an accent colour and the white text drawn on it.</summary>
public static class AccentContrast
{
    /// <summary>AA for normal text.</summary>
    public const double Minimum = 4.5;

    /// <param name="hex">#rrggbb</param>
    public static double AgainstWhite(string hex)
    {
        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double Channel(string hex, int start)
    {
        var value = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }
}
