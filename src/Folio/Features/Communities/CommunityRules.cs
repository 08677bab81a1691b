using Folio.Data;
using Folio.Features.Federation;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Communities;

/// <summary>
/// What a new community must satisfy, whoever creates it: `community add` checks each option with these, the API
/// each field. Each check returns why the value can't be used, in words for the person who chose it, or null.
/// </summary>
public static class CommunityRules
{
    public const int NameMaxLength = 80;
    public const int TaglineMaxLength = 160;
    public const int DescriptionMaxLength = 2000;
    public const int MaxMinimumWords = 10_000;
    public const int RulesMaxLength = 4000;

    public static string? NameProblem(string? name) =>
        name?.Trim().Length is >= 1 and <= NameMaxLength ? null : $"Give a name of 1–{NameMaxLength} characters.";

    public static string? TaglineProblem(string? tagline) =>
        tagline?.Trim().Length > TaglineMaxLength ? $"Keep the tagline to {TaglineMaxLength} characters." : null;

    public static string? DescriptionProblem(string? description) =>
        description?.Trim().Length > DescriptionMaxLength ? $"Keep the description to {DescriptionMaxLength} characters." : null;

    public static string? RulesProblem(string? rules) =>
        rules?.Trim().Length > RulesMaxLength ? $"Keep the rules to {RulesMaxLength:N0} characters." : null;

    /// <summary>
    /// The colour is written into the communities stylesheet, so nothing but #rrggbb gets through; and white text sits on
    /// it (buttons, badges), so it needs WCAG AA contrast with white.
    /// </summary>
    public static string? AccentColorProblem(string? color)
    {
        if (color is null)
        {
            return null;
        }

        if (!CommunityTheme.IsHexColor(color))
        {
            return "Give the accent colour as #rrggbb, like #3d5560.";
        }

        var ratio = AccentColour.ContrastWithWhite(color);
        return ratio >= AccentColour.MinimumContrast ? null
            : $"White text on {color.ToLowerInvariant()} has a contrast of only {Math.Floor(ratio * 100) / 100:0.00}:1; it needs at least 4.5:1. Choose a darker colour.";
    }

    public static string? MinimumWordsProblem(int? words) =>
        words is null or (>= 0 and <= MaxMinimumWords) ? null : $"Ask for 0–{MaxMinimumWords:N0} words per story.";

    public static string ArchivedRefusal(Community community) =>
        $"{community.Name} is archived and takes no new stories. Choose another community.";

    public static string SlugTaken(string slug) => $"A community already answers at /{slug}. Choose another slug.";

    /// <summary>Slugs are stored in lowercase (the pattern allows nothing else), so this is a case-insensitive check.</summary>
    public static Task<bool> IsSlugTakenAsync(this FolioDb db, string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        return db.Communities.AnyAsync(c => c.Slug == lower, cancellationToken);
    }

    /// <summary>
    /// Why <paramref name="slug"/> can't be <paramref name="community"/>'s (null: a new one), or null when it can. Usernames
    /// and community slugs share one namespace (DESIGN.md), and an old slug still redirecting to another community is kept
    /// for it, as is an old username.
    /// </summary>
    public static async Task<string?> SlugTakenProblemAsync(this FolioDb db, string slug, Community? community, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var id = community?.Id ?? 0;
        if (await db.Communities.AnyAsync(c => c.Slug == lower && c.Id != id, cancellationToken)
            || await db.CommunitySlugRedirects.AnyAsync(r => r.OldSlug == lower && r.CommunityId != id, cancellationToken))
        {
            return SlugTaken(lower);
        }

        if (await db.IsUsernameAsync(lower, cancellationToken))
        {
            return SharedNamespace.SlugIsAUsername(lower);
        }

        return null;
    }
}
