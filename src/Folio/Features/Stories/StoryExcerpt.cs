using Markdig;

namespace Folio.Features.Stories;

/// <summary>
/// The first lines of a story as plain text, for a card without an image: they take the picture's place, so the card
/// says more about the story instead of leaving a blank where the picture would be.
/// </summary>
public static class StoryExcerpt
{
    /// <summary>How much of the body's Markdown a card reads: enough for the lines it shows, never the whole story.</summary>
    public const int SourceLength = 600;

    private const int Length = 280;

    public static string? From(string? markdownStart)
    {
        if (string.IsNullOrWhiteSpace(markdownStart))
        {
            return null;
        }

        var text = string.Join(' ', Markdown.ToPlainText(markdownStart).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var wholeBody = markdownStart.Length < SourceLength;
        if (text.Length == 0 || (wholeBody && text.Length <= Length))
        {
            return text.Length == 0 ? null : text;
        }

        // Cut at a word's end, and say so: the read stops mid-body, mid-word perhaps.
        var end = Math.Min(Length, text.Length);
        var space = text.LastIndexOf(' ', end - 1);
        return text[..(space > Length / 2 ? space : end)].TrimEnd(',', ';', ':', '.', ' ', '—', '–') + "…";
    }
}
