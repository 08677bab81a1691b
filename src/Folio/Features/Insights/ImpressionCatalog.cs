namespace Folio.Features.Insights;

public sealed record ImpressionDescription(Impression Impression, string Name, string Blurb);

/// <summary>The three overall impressions, from "good effort" up to "outstanding", each with the encouragement it carries.</summary>
public static class ImpressionCatalog
{
    public static IReadOnlyList<ImpressionDescription> All { get; } =
    [
        new(Impression.GoodEffort, "Good effort", "Keep going: there’s something here worth building on."),
        new(Impression.NiceWork, "Nice work", "A solid piece that rewarded the time spent reading it."),
        new(Impression.Outstanding, "Outstanding", "Exceptional: the kind of story readers remember and share."),
    ];

    public static ImpressionDescription Describe(Impression impression) => All[(int)impression];
}
