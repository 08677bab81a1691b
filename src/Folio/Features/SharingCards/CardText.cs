using System.Globalization;
using System.Text;

namespace Folio.Features.SharingCards;

/// <summary>Breaks text into lines that fit a width, as many as are allowed, the last ending in an ellipsis when the text goes on.</summary>
internal static class CardText
{
    public const string Ellipsis = "…";

    /// <param name="measure">The width of a piece of text, in the units of <paramref name="width"/>.</param>
    public static IReadOnlyList<string> Wrap(string text, Func<string, float> measure, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var pieces = Pieces(text, measure, width);
        var i = 0;
        for (; i < pieces.Count && lines.Count < maxLines; i++)
        {
            var (piece, joined) = pieces[i];
            var candidate = line.Length == 0 ? piece : line + (joined ? "" : " ") + piece;
            if (line.Length > 0 && measure(candidate) > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                i--;
                continue;
            }

            line.Clear().Append(candidate);
        }

        if (line.Length > 0 && lines.Count < maxLines)
        {
            lines.Add(line.ToString());
        }

        if (i < pieces.Count && lines.Count > 0)
        {
            lines[^1] = WithEllipsis(lines[^1], measure, width);
        }

        return lines;
    }

    /// <summary>Cuts the line back, a character at a time, until it and an ellipsis fit.</summary>
    private static string WithEllipsis(string line, Func<string, float> measure, float width)
    {
        var elements = TextElements(line);
        var count = elements.Count;
        while (count > 0 && measure(string.Concat(elements.Take(count)).TrimEnd() + Ellipsis) > width)
        {
            count--;
        }

        return string.Concat(elements.Take(count)).TrimEnd(' ', ',', ';', ':', '-', '–', '—') + Ellipsis;
    }

    /// <summary>The words, a word too wide for a line cut into pieces that fit; a piece "joined" follows the one before without a space.</summary>
    private static List<(string Text, bool Joined)> Pieces(string text, Func<string, float> measure, float width)
    {
        var pieces = new List<(string, bool)>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (measure(word) <= width)
            {
                pieces.Add((word, false));
                continue;
            }

            var piece = new StringBuilder();
            var joined = false;
            foreach (var element in TextElements(word))
            {
                if (piece.Length > 0 && measure(piece + element) > width)
                {
                    pieces.Add((piece.ToString(), joined));
                    piece.Clear();
                    joined = true;
                }

                piece.Append(element);
            }

            pieces.Add((piece.ToString(), joined));
        }

        return pieces;
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
