namespace Folio.Features.Insights;

public enum InsightQuality
{
    HeartfeltAndRelatable,
    ExcellentStorytelling,
    ExpertInsightsAndOpinions,
    EyeOpening,
    EasyToReadAndFollow,
    MasterfulProofreading,
    CompellingAndOriginalWriting,
    OnPointAndRelevant,
}
