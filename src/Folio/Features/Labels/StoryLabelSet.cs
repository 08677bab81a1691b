namespace Folio.Features.Labels;

/// <summary>A story's labels together: how it was made, its warnings and the creator's own warning.</summary>
public sealed record StoryLabelSet(StoryMaking Making, ContentWarnings Warnings, string? WarningNote)
{
    public static StoryLabelSet None { get; } = new(StoryMaking.WrittenByAPerson, ContentWarnings.None, null);

    /// <summary>A warned story is the one a reader who asked for it finds behind "Show story".</summary>
    public bool IsWarned => Warnings != ContentWarnings.None || WarningNote is not null;

    /// <summary>"Written by a person" is what readers assume; anything else is said wherever the story is shown.</summary>
    public bool MadeWithAi => Making != StoryMaking.WrittenByAPerson;

    public bool ShowsAnything => IsWarned || MadeWithAi;

    /// <summary>Whether these labels tell readers at least what <paramref name="before"/> told them: nothing taken away.</summary>
    public bool TellsAtLeast(StoryLabelSet before) =>
        Making >= before.Making && (Warnings & before.Warnings) == before.Warnings && (before.WarningNote is null || WarningNote == before.WarningNote);

    /// <summary>
    /// Reads labels as typed or posted (slugs or display names); unknown names and too long a note come back as messages
    /// keyed by <see cref="StoryLabelSet"/>'s property names. An empty making is "written by a person".
    /// </summary>
    public static (StoryLabelSet? Labels, Dictionary<string, string> Errors) Parse(string? making, IEnumerable<string?> warnings, string? warningNote)
    {
        var errors = new Dictionary<string, string>();
        var made = StoryMaking.WrittenByAPerson;
        if (!string.IsNullOrWhiteSpace(making) && !LabelNames.TryParseMaking(making, out made))
        {
            errors[nameof(Making)] = $"“{making.Trim()}” isn’t a way a story is made; choose one of: {LabelNames.MakingChoices}.";
        }

        if (!LabelNames.TryParseWarnings(warnings, out var warned, out var unknown))
        {
            errors[nameof(Warnings)] = $"“{unknown}” isn’t a content warning Folio knows; choose from: {LabelNames.WarningChoices}, or say it in your own words.";
        }

        if (StoryLabels.NoteProblem(warningNote) is { } problem)
        {
            errors[nameof(WarningNote)] = problem;
        }

        return errors.Count > 0 ? (null, errors) : (new StoryLabelSet(made, warned, StoryLabels.CleanNote(warningNote)), errors);
    }
}
