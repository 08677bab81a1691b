using System.Buffers;
using System.Globalization;
using System.Text;

namespace Folio.Features.SharingCards;

/// <summary>
/// Enough of the Unicode bidirectional algorithm (UAX #9) to lay out one line of a card: a line whose first strong
/// character is Hebrew or Arabic reads right to left, runs in the other direction keep their own order inside it, numbers
/// read left to right, and spaces and punctuation take the direction of the text around them. Explicit embeddings and
/// isolates (U+202A–U+202E, U+2066–U+2069) are not honoured: a title has no use for them.
/// </summary>
internal static class CardBidi
{
    public enum Class
    {
        /// <summary>Left to right: Latin, Cyrillic, Greek, CJK, Devanagari… letters.</summary>
        L,

        /// <summary>Right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko… letters.</summary>
        R,

        /// <summary>A digit: read left to right, placed as the text around it says.</summary>
        Number,

        /// <summary>Spaces, punctuation, symbols and emoji.</summary>
        Neutral,
    }

    /// <summary>The class of a character cluster, from its first character.</summary>
    public static Class Classify(string cluster)
    {
        if (cluster.Length == 0 || Rune.DecodeFromUtf16(cluster, out var rune, out _) != OperationStatus.Done)
        {
            return Class.Neutral;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            return Class.Number;
        }

        if (IsRightToLeft(rune.Value))
        {
            return Class.R;
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => Class.L,
            _ => Class.Neutral,
        };
    }

    /// <summary>Whether the text reads right to left: its first strong character is Hebrew, Arabic or another right-to-left script.</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                continue;
            }

            var type = Classify(rune.ToString());
            if (type is Class.L or Class.R)
            {
                return type == Class.R;
            }
        }

        return false;
    }

    /// <summary>The embedding level of each cluster (even: left to right, odd: right to left).</summary>
    public static int[] Levels(IReadOnlyList<Class> classes, bool rightToLeft)
    {
        var paragraph = rightToLeft ? Class.R : Class.L;
        var resolved = classes.ToArray();

        // W7: a number after left-to-right text (or at the start of a left-to-right line) is left-to-right text.
        var lastStrong = paragraph;
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] is Class.L or Class.R)
            {
                lastStrong = resolved[i];
            }
            else if (resolved[i] == Class.Number && lastStrong == Class.L)
            {
                resolved[i] = Class.L;
            }
        }

        // N1, N2: neutrals between text of one direction take it (a number counts as right to left here); others the line's.
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] != Class.Neutral)
            {
                continue;
            }

            var end = i;
            while (end < resolved.Length && resolved[end] == Class.Neutral)
            {
                end++;
            }

            var before = i == 0 ? paragraph : Direction(resolved[i - 1]);
            var after = end == resolved.Length ? paragraph : Direction(resolved[end]);
            var direction = before == after ? before : paragraph;
            for (var j = i; j < end; j++)
            {
                resolved[j] = direction;
            }

            i = end - 1;
        }

        // I1, I2.
        var baseLevel = rightToLeft ? 1 : 0;
        var levels = new int[resolved.Length];
        for (var i = 0; i < resolved.Length; i++)
        {
            levels[i] = (resolved[i], baseLevel % 2 == 0) switch
            {
                (Class.L, true) => baseLevel,
                (Class.L, false) => baseLevel + 1,
                (Class.R, true) => baseLevel + 1,
                (Class.R, false) => baseLevel,
                (_, true) => baseLevel + 2,
                (_, false) => baseLevel + 1,
            };
        }

        return levels;
    }

    /// <summary>
    /// L2: the order in which runs of the given levels appear from left to right: from the highest level down to the
    /// lowest odd one, every stretch at that level or higher is reversed.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<int> levels)
    {
        var order = Enumerable.Range(0, levels.Count).ToArray();
        if (levels.Count == 0)
        {
            return order;
        }

        var highest = levels.Max();
        var lowestOdd = levels.Where(level => level % 2 == 1).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (levels[order[i]] < level)
                {
                    continue;
                }

                var end = i;
                while (end < order.Length && levels[order[end]] >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        return order;
    }

    private static Class Direction(Class type) => type == Class.L ? Class.L : Class.R;

    private static bool IsRightToLeft(int codepoint) => codepoint is
        (>= 0x0590 and <= 0x08FF) // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, N'Ko, Samaritan, Mandaic, Arabic Extended
        or (>= 0xFB1D and <= 0xFDFF) // Hebrew and Arabic presentation forms
        or (>= 0xFE70 and <= 0xFEFE)
        or (>= 0x10800 and <= 0x10FFF) // historic right-to-left scripts
        or (>= 0x1E800 and <= 0x1EFFF); // Mende Kikakui, Adlam, Arabic mathematical letters
}
