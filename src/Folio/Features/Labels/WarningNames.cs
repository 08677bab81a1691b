namespace Folio.Features.Labels;

/// <summary>Each content warning's words: for people (settings) and for the API (lowercase, hyphenated).</summary>
public static class WarningNames
{
    public static readonly IReadOnlyList<(ContentWarnings Warning, string Label, string ApiName)> All =
    [
        (ContentWarnings.Violence, "Violence", "violence"),
        (ContentWarnings.SelfHarm, "Self-harm", "self-harm"),
        (ContentWarnings.SexualContent, "Sexual content", "sexual-content"),
        (ContentWarnings.Abuse, "Abuse", "abuse"),
        (ContentWarnings.SubstanceUse, "Substance use", "substance-use"),
        (ContentWarnings.StrongLanguage, "Strong language", "strong-language"),
        (ContentWarnings.Spoilers, "Spoilers", "spoilers"),
    ];

    public static IReadOnlyList<string> ApiNames(ContentWarnings warnings) =>
        [.. All.Where(w => warnings.HasFlag(w.Warning)).Select(w => w.ApiName)];

    /// <summary>The warnings these API names say, or null with the first name that is not one.</summary>
    public static (ContentWarnings? Warnings, string? Unknown) FromApiNames(IEnumerable<string?> names)
    {
        var warnings = ContentWarnings.None;
        foreach (var name in names)
        {
            var found = All.FirstOrDefault(w => string.Equals(w.ApiName, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found.ApiName is null)
            {
                return (null, name ?? "null");
            }

            warnings |= found.Warning;
        }

        return (warnings, null);
    }
}
