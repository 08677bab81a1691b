using System.Text.Json;

namespace Folio.Features.Transfer;

/// <summary>"eye-opening" → EyeOpening: the export writes enum values in kebab case (<see cref="ExportWriter.Kebab"/>).</summary>
internal static class KebabNames
{
    /// <summary>The value the export wrote as <paramref name="kebab"/>; null for null or a name this Folio doesn't know.</summary>
    public static TEnum? Parse<TEnum>(string? kebab) where TEnum : struct, Enum =>
        kebab is not null && Names<TEnum>.Values.TryGetValue(kebab, out var value) ? value : null;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values =
            Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));
    }
}
