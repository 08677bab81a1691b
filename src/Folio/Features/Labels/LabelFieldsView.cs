namespace Folio.Features.Labels;

/// <summary>
/// The label fields of a form (the editor's, a moderator's correction): the posted names, what was typed, and an id
/// prefix so two forms on one page don't share ids.
/// </summary>
public sealed record LabelFieldsView(
    string MakingName, string WarningsName, string NoteName, string? Making, IReadOnlyCollection<string?> Warnings, string? Note, string IdPrefix,
    bool Disabled = false)
{
    public bool IsChosen(StoryMaking making) =>
        LabelNames.TryParseMaking(Making, out var chosen) ? chosen == making : making == StoryMaking.WrittenByAPerson;

    public bool IsChosen(ContentWarnings warning) =>
        Warnings.Any(w => LabelNames.TryParseWarning(w, out var chosen) && chosen == warning);
}
