using Folio.Shared;

namespace Folio.Features.Series;

/// <summary>What a series may hold, and the words that say what to fix.</summary>
public static class SeriesRules
{
    public const int MaxTitle = 120;
    public const int MaxSlug = 100;
    public const int MaxDescription = 2000;
    public const int MaxCoverAlt = 300;

    /// <summary>A series' contents are shown whole on each part's page, so they stay a readable length.</summary>
    public const int MaxParts = 100;

    public const string TitleRequired = "Give the series a title.";
    public const string SlugTaken = "You already have a series at this address: choose another.";
    public const string CoverAltRequired = "Describe the cover for readers who can’t see it.";
    public const string NotYourStory = "You can only add your own stories to your series.";
    public const string Full = "A series holds at most 100 parts.";

    public static string SlugFor(string? wanted, string title) =>
        Slug.From(string.IsNullOrWhiteSpace(wanted) ? title : wanted) is { Length: > 0 } slug ? slug : "series";

    /// <summary>The problems with these words, by field name; empty when they will do.</summary>
    public static Dictionary<string, string> Problems(string? title, string? description, string? coverAlt, bool hasCover)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems["Title"] = TitleRequired;
        }
        else if (title.Trim().Length > MaxTitle)
        {
            problems["Title"] = $"Keep the title to {MaxTitle} characters.";
        }

        if (description?.Length > MaxDescription)
        {
            problems["Description"] = $"Keep the description to {MaxDescription} characters.";
        }

        if (coverAlt?.Length > MaxCoverAlt)
        {
            problems["CoverAltText"] = $"Keep the description of the cover to {MaxCoverAlt} characters.";
        }
        else if (hasCover && string.IsNullOrWhiteSpace(coverAlt))
        {
            problems["CoverAltText"] = CoverAltRequired;
        }

        return problems;
    }
}
