namespace Folio.Features.Api;

/// <summary>How the OpenAPI document explains a story's labels, the same words for what is read and what is sent.</summary>
public static class StoryLabelDescriptions
{
    public const string Making = "How the story was made, as its creator declares it: \"written-by-a-person\" (the default), "
        + "\"ai-assisted-editing\" or \"ai-generated\".";

    public const string Warnings = "Content warnings from the fixed list: \"violence\", \"self-harm\", \"sexual-content\", \"abuse\", "
        + "\"substance-use\", \"strong-language\", \"spoilers\".";

    // StoryLabels.MaxWarningNote; an attribute's text must be a constant.
    public const string WarningNote = "A warning in the creator's own words, beside or instead of the list: at most 200 characters.";
}
