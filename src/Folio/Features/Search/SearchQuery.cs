using System.Globalization;
using System.Text;

namespace Folio.Features.Search;

/// <summary>
/// What someone typed, reduced to words and quoted phrases. Only letters, digits and combining marks survive, so no
/// operator, quote, bracket, column filter or wildcard a person types can reach a full-text engine's own syntax.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    public const int MaxLength = 500;
    public const int MaxTerms = 12;
    private const int MaxTermLength = 64;

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Every word, phrases included, for suggestions such as similar tags.</summary>
    public IEnumerable<string> Words => Terms.SelectMany(t => t.Words);

    public static SearchQuery Parse(string? text)
    {
        text = Truncate(text ?? "", MaxLength);
        var terms = new List<SearchTerm>();
        var rest = new StringBuilder();
        for (var i = 0; i < text.Length && terms.Count < MaxTerms; i++)
        {
            var close = text[i] == '"' ? text.IndexOf('"', i + 1) : -1;
            if (close < 0)
            {
                rest.Append(text[i] == '"' ? ' ' : text[i]);
                continue;
            }

            AddWords(rest.ToString(), terms);
            rest.Clear();
            var phrase = WordsIn(text[(i + 1)..close]).Take(MaxTerms).ToList();
            if (phrase.Count > 0 && terms.Count < MaxTerms)
            {
                terms.Add(new SearchTerm(phrase, Quoted: true));
            }

            i = close;
        }

        AddWords(rest.ToString(), terms);
        return new SearchQuery(terms);
    }

    private static void AddWords(string text, List<SearchTerm> terms)
    {
        foreach (var word in WordsIn(text))
        {
            if (terms.Count >= MaxTerms)
            {
                return;
            }

            terms.Add(new SearchTerm([word], Quoted: false));
        }
    }

    private static IEnumerable<string> WordsIn(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                if (word.Length < MaxTermLength)
                {
                    word.Append(rune.ToString());
                }

                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Cuts at a whole character, never between the halves of a surrogate pair.</summary>
    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}

/// <summary>A word, matched as a prefix, or what the person put in double quotes, matched exactly, word for word.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Quoted);
