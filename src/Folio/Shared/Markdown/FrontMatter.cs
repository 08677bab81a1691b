namespace Folio.Shared.Markdown;

/// <summary>A Markdown file that opens with YAML between two `---` lines: the YAML, and the Markdown after it.</summary>
public sealed record FrontMatter(string Yaml, string Body)
{
    /// <summary>Null when the text does not open with a `---` line or the block is never closed.</summary>
    public static FrontMatter? Split(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || !IsFence(lines[0]))
        {
            return null;
        }

        var end = Array.FindIndex(lines, 1, IsFence);
        return end < 0 ? null : new FrontMatter(string.Join('\n', lines[1..end]), string.Join('\n', lines[(end + 1)..]));
    }

    private static bool IsFence(string line) => line.TrimEnd() == "---";
}
