namespace Folio.Features.Labels;

/// <summary>What a signed-in reader chose to see: lists leave out what they hide; a visitor's choices hide nothing.</summary>
public sealed record ReadingChoices(bool HideAiGenerated, ContentWarnings HiddenWarnings, bool CoverWarnedStories)
{
    public static readonly ReadingChoices None = new(false, ContentWarnings.None, false);

    public bool HidesAnything => HideAiGenerated || HiddenWarnings != ContentWarnings.None;

    /// <summary>The same test as <see cref="StoryVisibility.VisibleTo"/>, for stories already read (a digest's, an announced one).</summary>
    public bool Hides(StoryMaking making, ContentWarnings warnings) =>
        (HideAiGenerated && making == StoryMaking.AiGenerated) || (warnings & HiddenWarnings) != ContentWarnings.None;
}
