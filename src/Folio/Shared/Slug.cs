using System.Globalization;
using System.Text;

namespace Folio.Shared;

public static class Slug
{
    // Letters that Unicode decomposition leaves alone but readers expect spelled out.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['þ'] = "th", ['ð'] = "d",
    };

    /// <summary>"Café Society: Notes" → "cafe-society-notes": lowercase ASCII letters, digits and single hyphens.</summary>
    public static string From(string text, int maxLength = 80)
    {
        var slug = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (Transliterations.TryGetValue(lower, out var ascii))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(ascii);
                pendingHyphen = false;
            }
            else if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(lower);
                pendingHyphen = false;
            }
            else if (c != '\'' && c != '’')
            {
                pendingHyphen = true;
            }
        }

        return Shorten(slug.ToString(), maxLength);
    }

    // Cuts at a word boundary where one is near, so "a-long-title" never ends in half a word.
    private static string Shorten(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        if (slug[maxLength] != '-' && lastHyphen > maxLength / 2)
        {
            cut = cut[..lastHyphen];
        }

        return cut.TrimEnd('-');
    }
}
