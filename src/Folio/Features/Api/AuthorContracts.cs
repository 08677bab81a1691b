namespace Folio.Features.Api;

/// <summary>A creator's public profile, as /authors/{username} shows it; `storyCount` counts published stories.</summary>
public sealed record ApiAuthor(
    string Username,
    string Name,
    string Bio,
    string? AvatarUrl,
    string Url,
    DateTime JoinedAt,
    IReadOnlyList<ApiLink> Links,
    int StoryCount);

/// <summary>A link on a profile: a label like "Website" and a full web address.</summary>
public sealed record ApiLink(string Label, string Url);
