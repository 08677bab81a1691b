namespace Folio.Features.Insights;

/// <summary>A reader's overall impression of a story, given alongside the qualities they recognised.</summary>
public enum Impression
{
    GoodEffort,
    NiceWork,
    Outstanding,
}
