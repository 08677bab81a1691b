namespace Folio.Features.Insights;

public sealed record InsightCount(InsightDescription Insight, int Count);

public sealed record ImpressionCount(ImpressionDescription Impression, int Count);

/// <summary>What one reader gave a story: their impression (required when they save) and the qualities they ticked.</summary>
public sealed record ReaderChoices(Impression? Impression, IReadOnlySet<InsightQuality> Qualities)
{
    public static ReaderChoices None { get; } = new(null, new HashSet<InsightQuality>());

    public bool Given => Impression is not null || Qualities.Count > 0;
}
