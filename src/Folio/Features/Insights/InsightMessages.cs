namespace Folio.Features.Insights;

/// <summary>What the insights feature says to people, in one place.</summary>
public static class InsightMessages
{
    public const string ChooseImpression = "Choose your overall impression: good effort, nice work or outstanding.";
    public const string OwnStoryTitle = "You can’t give insights to your own story";
    public const string OwnStory = "Reader insights come from other readers. Every count for this story is on your dashboard.";
    public const string Saved = "Thank you: your insights are saved.";
    public const string Withdrawn = "Your insights are withdrawn.";
}
