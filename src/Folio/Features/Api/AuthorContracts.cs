namespace Folio.Features.Api;

/// <summary>
/// A creator's public profile, as /authors/{username} shows it; `storyCount` counts published stories;
/// `pinnedStoryIds` are the stories they pinned to its top, newest pin first (see /api/v1/authors/{username}/pins).
/// </summary>
public sealed record ApiAuthor(
    string Username,
    string Name,
    string Bio,
    string? AvatarUrl,
    string Url,
    DateTime JoinedAt,
    IReadOnlyList<ApiLink> Links,
    int StoryCount,
    IReadOnlyList<int> PinnedStoryIds);

/// <summary>A link on a profile: a label like "Website" and a full web address.</summary>
public sealed record ApiLink(string Label, string Url);
