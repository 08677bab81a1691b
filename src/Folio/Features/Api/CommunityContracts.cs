namespace Folio.Features.Api;

/// <summary>
/// A community: where stories are published, at `url`; stories need at least `minimumWords` words. `rules` (Markdown)
/// are shown to writers; when `submissionsNeedReview` is false a writer's story publishes at once; an `archived`
/// community keeps its stories readable and takes no new ones. `pinnedStoryIds` are the stories pinned to the top of its
/// page, newest pin first (see /api/v1/communities/{slug}/pins).
/// </summary>
public sealed record ApiCommunity(
    string Slug,
    string Name,
    string Tagline,
    string Description,
    string AccentColor,
    string? LogoUrl,
    string Url,
    int MinimumWords,
    int StoryCount,
    string Rules,
    bool SubmissionsNeedReview,
    bool Archived,
    IReadOnlyList<int> PinnedStoryIds);

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

/// <summary>
/// Changes to a community. Every field is optional; one left out (or null) stays as it is. A new `slug` leaves the old
/// address redirecting to the new one.
/// </summary>
public sealed record UpdateCommunityRequest(
    string? Slug,
    string? Name,
    string? Tagline,
    string? Description,
    string? Rules,
    string? AccentColor,
    int? MinimumWords,
    bool? SubmissionsNeedReview,
    bool? Archived);
