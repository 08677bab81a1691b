using System.Text.Json;
using Folio.Features.Insights;

namespace Folio.Features.Api;

/// <summary>
/// A story's reader insights: how many readers gave them, how many chose each overall impression, the qualities
/// readers recognised (most given first, only those given), and — for a signed-in caller who gave some — theirs.
/// </summary>
public sealed record ApiInsights(int Readers, IReadOnlyDictionary<string, int> Impressions, IReadOnlyList<ApiInsightCount> Qualities, ApiInsightChoices? Mine);

public sealed record ApiInsightCount(string Key, string Name, int Count);

public sealed record ApiInsightChoices(string? Impression, IReadOnlyList<string> Qualities);

/// <summary>
/// Your insights on a story, replacing any you gave before: an `impression` (good-effort, nice-work, outstanding)
/// and any of the eight `qualities` by key (heartfelt-and-relatable, excellent-storytelling, …; see /insights).
/// </summary>
public sealed record GiveInsightsRequest(string? Impression, IReadOnlyList<string?>? Qualities);

/// <summary>The keys the API uses for impressions and qualities: the enum names in kebab-case, as every API enum.</summary>
public static class InsightKeys
{
    private static readonly Dictionary<string, Impression> Impressions =
        Enum.GetValues<Impression>().ToDictionary(Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, InsightQuality> Qualities =
        Enum.GetValues<InsightQuality>().ToDictionary(Key, StringComparer.Ordinal);

    public static string ImpressionKeys { get; } = string.Join(", ", Impressions.Keys);

    public static string QualityKeys { get; } = string.Join(", ", Qualities.Keys);

    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryImpression(string? key, out Impression impression) => Impressions.TryGetValue(key ?? "", out impression);

    public static bool TryQuality(string? key, out InsightQuality quality) => Qualities.TryGetValue(key ?? "", out quality);
}
