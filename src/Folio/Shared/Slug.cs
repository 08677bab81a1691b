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

            if (slug.Length >= maxLength)
            {
                break;
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
