namespace Folio.Features.Stories;

/// <summary>The words that go with a hero image: its alt text and its optional caption.</summary>
public static class HeroText
{
    public const int MaxAltText = 300;
    public const int MaxCaption = 300;

    public const string AltTextRequired =
        "Describe the hero image for readers who can’t see it (for example “A heron standing in a misty river”) before you submit the story.";

    /// <summary>Blank is none; what is kept is trimmed.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
