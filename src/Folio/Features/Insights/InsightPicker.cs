namespace Folio.Features.Insights;

/// <summary>The form where a reader picks an impression and qualities: on its own page, or opened inside the story page.</summary>
public sealed record InsightPicker(int StoryId, string StoryUrl, ReaderChoices Chosen, bool AlreadyGiven, string? Error = null)
{
    public string Action => $"/stories/{StoryId}/insights";
    public string WithdrawAction => Action + "?handler=Withdraw";
}
