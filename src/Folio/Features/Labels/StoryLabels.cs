namespace Folio.Features.Labels;

/// <summary>The labels' rules every surface shares: the editor, moderation, the API and importers check input with these.</summary>
public static class StoryLabels
{
    public const int MaxWarningNote = 200;
    public const int MaxCorrectionReason = 500;

    public static IReadOnlyList<StoryMaking> Makings { get; } = Enum.GetValues<StoryMaking>();

    /// <summary>Each warning of the fixed list, in the order readers see them.</summary>
    public static IReadOnlyList<ContentWarnings> Warnings { get; } = Enum.GetValues<ContentWarnings>().Where(w => w != ContentWarnings.None).ToArray();

    public static ContentWarnings AllWarnings { get; } = Warnings.Aggregate(ContentWarnings.None, (all, w) => all | w);

    /// <summary>The single warnings set in <paramref name="warnings"/>, in list order.</summary>
    public static IEnumerable<ContentWarnings> Each(ContentWarnings warnings) => Warnings.Where(w => warnings.HasFlag(w));

    public static bool IsKnown(StoryMaking making) => Enum.IsDefined(making);

    public static bool AreKnown(ContentWarnings warnings) => (warnings & ~AllWarnings) == 0;

    /// <summary>The note as stored: trimmed, and null when there is nothing to say.</summary>
    public static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>What is wrong with a warning note, or null when it may be stored.</summary>
    public static string? NoteProblem(string? note) =>
        CleanNote(note) is { Length: > MaxWarningNote } clean
            ? $"Keep the warning to {MaxWarningNote} characters; it has {clean.Length}."
            : null;
}
