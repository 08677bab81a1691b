namespace Folio.Features.Labels;

/// <summary>A story's warnings as one sentence, for places that show text only: feed summaries and fediverse content warnings.</summary>
public static class WarningText
{
    /// <summary>"Content warning: Violence, Spoilers; the war in part two." — the fixed list, then the creator's own words.</summary>
    public static string Of(StoryLabelSet labels)
    {
        var listed = string.Join(", ", StoryLabels.Each(labels.Warnings).Select(LabelNames.DisplayName));
        var said = string.Join("; ", new[] { listed, labels.WarningNote }.Where(part => !string.IsNullOrEmpty(part)));
        var stop = said.Length > 0 && ".!?…".Contains(said[^1]) ? "" : ".";
        return $"Content warning: {said}{stop}";
    }
}
