using Folio.Data;
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

    public static string? NameProblem(string? name) =>
        name?.Trim().Length is >= 1 and <= NameMaxLength ? null : $"Give a name of 1–{NameMaxLength} characters.";

    public static string? TaglineProblem(string? tagline) =>
        tagline?.Trim().Length > TaglineMaxLength ? $"Keep the tagline to {TaglineMaxLength} characters." : null;

    public static string? DescriptionProblem(string? description) =>
        description?.Trim().Length > DescriptionMaxLength ? $"Keep the description to {DescriptionMaxLength} characters." : null;

    /// <summary>The colour is written into the communities stylesheet, so nothing but #rrggbb gets through.</summary>
    public static string? AccentColorProblem(string? color) =>
        color is null || CommunityTheme.IsHexColor(color) ? null : "Give the accent colour as #rrggbb, like #3d5560.";

    public static string? MinimumWordsProblem(int? words) =>
        words is null or (>= 0 and <= MaxMinimumWords) ? null : $"Ask for 0–{MaxMinimumWords:N0} words per story.";

    public static string SlugTaken(string slug) => $"A community already answers at /{slug}. Choose another slug.";

    /// <summary>Slugs are stored in lowercase (the pattern allows nothing else), so this is a case-insensitive check.</summary>
    public static Task<bool> IsSlugTakenAsync(this FolioDb db, string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        return db.Communities.AnyAsync(c => c.Slug == lower, cancellationToken);
    }
}
