namespace Folio.Features.Api;

/// <summary>A community: where stories are published, at `url`; stories need at least `minimumWords` words.</summary>
public sealed record ApiCommunity(
    string Slug,
    string Name,
    string Tagline,
    string Description,
    string AccentColor,
    string? LogoUrl,
    string Url,
    int MinimumWords,
    int StoryCount);

/// <summary>
/// A new community. `slug` and `name` are required; `accentColor` is #rrggbb (default #3d5560), `minimumWords`
/// 0–10,000 (default 100).
/// </summary>
public sealed record CreateCommunityRequest(
    string? Slug,
    string? Name,
    string? Tagline,
    string? Description,
    string? AccentColor,
    int? MinimumWords);
