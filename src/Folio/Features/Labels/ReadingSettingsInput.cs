using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Labels;

/// <summary>
/// What /settings/reading posts. Hidden warnings arrive as their API names (<see cref="LabelNames"/>) and are read by
/// <see cref="ReadingSettingsModel"/>, so an unknown one is answered with a sentence.
/// </summary>
public sealed class ReadingSettingsInput
{
    [Display(Name = "Hide AI-generated stories")]
    public bool HideAiGenerated { get; set; }

    public List<string?> HiddenWarnings { get; set; } = [];

    [Display(Name = "Cover warned stories behind “Show story”")]
    public bool CoverWarnedStories { get; set; }

    public static ReadingSettingsInput From(ReadingChoices choices) => new()
    {
        HideAiGenerated = choices.HideAiGenerated,
        HiddenWarnings = [.. LabelNames.Slugs(choices.HiddenWarnings)],
        CoverWarnedStories = choices.CoverWarnedStories,
    };

    public bool Hides(string apiName) => HiddenWarnings.Contains(apiName, StringComparer.OrdinalIgnoreCase);
}
