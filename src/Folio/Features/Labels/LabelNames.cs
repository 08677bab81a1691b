namespace Folio.Features.Labels;

/// <summary>
/// The labels' names: slugs ("ai-generated", "self-harm") where they are written by machines or typed (API, front matter,
/// forms), display names where people read them.
/// </summary>
public static class LabelNames
{
    public static string Slug(StoryMaking making) => making switch
    {
        StoryMaking.AiAssistedEditing => "ai-assisted-editing",
        StoryMaking.AiGenerated => "ai-generated",
        _ => "written-by-a-person",
    };

    /// <summary>The slug of one warning of the fixed list.</summary>
    public static string Slug(ContentWarnings warning) => warning switch
    {
        ContentWarnings.Violence => "violence",
        ContentWarnings.SelfHarm => "self-harm",
        ContentWarnings.SexualContent => "sexual-content",
        ContentWarnings.Abuse => "abuse",
        ContentWarnings.SubstanceUse => "substance-use",
        ContentWarnings.StrongLanguage => "strong-language",
        ContentWarnings.Spoilers => "spoilers",
        _ => throw new ArgumentOutOfRangeException(nameof(warning), warning, "Not one warning of the fixed list."),
    };

    public static string DisplayName(StoryMaking making) => making switch
    {
        StoryMaking.AiAssistedEditing => "AI-assisted editing",
        StoryMaking.AiGenerated => "AI-generated",
        _ => "Written by a person",
    };

    /// <summary>The display name of one warning of the fixed list.</summary>
    public static string DisplayName(ContentWarnings warning) => warning switch
    {
        ContentWarnings.Violence => "Violence",
        ContentWarnings.SelfHarm => "Self-harm",
        ContentWarnings.SexualContent => "Sexual content",
        ContentWarnings.Abuse => "Abuse",
        ContentWarnings.SubstanceUse => "Substance use",
        ContentWarnings.StrongLanguage => "Strong language",
        ContentWarnings.Spoilers => "Spoilers",
        _ => throw new ArgumentOutOfRangeException(nameof(warning), warning, "Not one warning of the fixed list."),
    };

    /// <summary>The slugs of the warnings set, in list order.</summary>
    public static IReadOnlyList<string> Slugs(ContentWarnings warnings) => StoryLabels.Each(warnings).Select(Slug).ToList();

    /// <summary>Reads a slug or display name, ignoring case, spaces, hyphens and underscores ("AI generated", "ai_generated").</summary>
    public static bool TryParseMaking(string? name, out StoryMaking making)
    {
        var key = Key(name);
        foreach (var candidate in StoryLabels.Makings)
        {
            if (key.Length > 0 && Key(Slug(candidate)) == key)
            {
                making = candidate;
                return true;
            }
        }

        making = StoryMaking.WrittenByAPerson;
        return false;
    }

    /// <summary>Reads one warning's slug or display name, ignoring case, spaces, hyphens and underscores ("Self harm").</summary>
    public static bool TryParseWarning(string? name, out ContentWarnings warning)
    {
        var key = Key(name);
        warning = StoryLabels.Warnings.FirstOrDefault(w => key.Length > 0 && Key(Slug(w)) == key);
        return warning != ContentWarnings.None;
    }

    /// <summary>Reads several warnings; on failure <paramref name="unknown"/> is the first name that is not on the list.</summary>
    public static bool TryParseWarnings(IEnumerable<string?> names, out ContentWarnings warnings, out string? unknown)
    {
        warnings = ContentWarnings.None;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (!TryParseWarning(name, out var warning))
            {
                unknown = name.Trim();
                return false;
            }

            warnings |= warning;
        }

        unknown = null;
        return true;
    }

    /// <summary>The names a reader may use, for messages that say what an unknown name should have been.</summary>
    public static string MakingChoices { get; } = string.Join(", ", StoryLabels.Makings.Select(Slug));

    public static string WarningChoices { get; } = string.Join(", ", StoryLabels.Warnings.Select(Slug));

    private static string Key(string? name) =>
        new((name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
