using System.ComponentModel.DataAnnotations;
using Folio.Features.Communities;

namespace Folio.Features.CommunityAdmin;

/// <summary>The community form as typed, kept as text so a mistake comes back exactly as it was entered.</summary>
public sealed class CommunityInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [Display(Name = "Tagline")]
    public string? Tagline { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Rules for writers")]
    public string? Rules { get; set; }

    [Display(Name = "Accent colour")]
    public string? AccentColor { get; set; } = "#3d5560";

    [Display(Name = "Minimum words per story")]
    public string? MinimumWords { get; set; } = "100";

    [Display(Name = "Stories from writers who aren’t trusted wait for a moderator’s review")]
    public bool SubmissionsNeedReview { get; set; } = true;

    public static CommunityInput From(Community community) => new()
    {
        Name = community.Name,
        Slug = community.Slug,
        Tagline = community.Tagline,
        Description = community.Description,
        Rules = community.Rules,
        AccentColor = community.AccentColor,
        MinimumWords = community.MinimumWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SubmissionsNeedReview = community.SubmissionsNeedReview,
    };

    /// <summary>The change the form asks for, or the message for a minimum that isn't a whole number.</summary>
    public (CommunityChange Change, string? MinimumWordsProblem) ToChange()
    {
        var words = MinimumWords?.Trim();
        int? minimum = null;
        string? problem = null;
        if (int.TryParse(words, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            minimum = parsed;
        }
        else
        {
            problem = $"Give the minimum as a whole number of words, 0–{CommunityRules.MaxMinimumWords:N0}.";
        }

        return (new CommunityChange
        {
            Name = Name ?? "",
            Slug = Slug?.Trim() ?? "",
            Tagline = Tagline ?? "",
            Description = Description ?? "",
            Rules = Rules ?? "",
            AccentColor = AccentColor?.Trim() ?? "",
            MinimumWords = minimum,
            SubmissionsNeedReview = SubmissionsNeedReview,
        }, problem);
    }
}
