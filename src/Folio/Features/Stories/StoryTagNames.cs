namespace Folio.Features.Stories;

/// <summary>A version's tags kept in one column: tag names never hold a comma (the editor splits on commas).</summary>
public static class StoryTagNames
{
    public const int MaxLength = 300;

    public static string Join(IEnumerable<string> names) => string.Join(", ", names);

    public static IReadOnlyList<string> Split(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
