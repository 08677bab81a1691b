namespace Folio.Features.Insights;

public sealed record InsightDescription(InsightQuality Quality, string Name, string Description);

/// <summary>The eight qualities a reader can recognise in a story, in the order DESIGN.md lists them.</summary>
public static class InsightCatalog
{
    public static IReadOnlyList<InsightDescription> All { get; } =
    [
        new(InsightQuality.HeartfeltAndRelatable, "Heartfelt and relatable",
            "It moved you, or you saw something of your own life in it."),
        new(InsightQuality.ExcellentStorytelling, "Excellent storytelling",
            "It pulled you in and carried you to the end."),
        new(InsightQuality.ExpertInsightsAndOpinions, "Expert insights and opinions",
            "The writer clearly knows the subject and shared that knowledge generously."),
        new(InsightQuality.EyeOpening, "Eye opening",
            "You learned something or now see something differently."),
        new(InsightQuality.EasyToReadAndFollow, "Easy to read and follow",
            "Clear, well structured and a pleasure to read."),
        new(InsightQuality.MasterfulProofreading, "Masterful proofreading",
            "Clean, careful prose without slips to trip over."),
        new(InsightQuality.CompellingAndOriginalWriting, "Compelling and original writing",
            "A fresh voice, an unexpected angle, sentences you wanted to reread."),
        new(InsightQuality.OnPointAndRelevant, "On-point and relevant",
            "It speaks to something that matters right now, and stays on topic."),
    ];

    public static InsightDescription Describe(InsightQuality quality) => All[(int)quality];
}
