using System.Globalization;

namespace Folio.Shared;

/// <summary>An accent colour's rules, for the site's and each community's: #rrggbb, and white text on it must meet WCAG AA (4.5:1).</summary>
public static class AccentColour
{
    public const double MinimumContrast = 4.5;

    /// <summary>The colour as #rrggbb in lowercase, or null when it is not a hex colour (#abc is read as #aabbcc).</summary>
    public static string? Normalise(string? value)
    {
        var hex = value?.Trim().TrimStart('#') ?? "";
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        return hex.Length == 6 && hex.All(char.IsAsciiHexDigit) ? "#" + hex.ToLowerInvariant() : null;
    }

    /// <summary>The WCAG 2 contrast ratio of white against the colour (#rrggbb).</summary>
    public static double ContrastWithWhite(string colour)
    {
        var luminance = 0.2126 * Channel(colour, 1) + 0.7152 * Channel(colour, 3) + 0.0722 * Channel(colour, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double Channel(string colour, int start)
    {
        var value = int.Parse(colour.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }
}
