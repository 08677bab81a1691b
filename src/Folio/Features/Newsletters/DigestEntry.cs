using Folio.Features.Labels;
using Folio.Features.Stories;

namespace Folio.Features.Newsletters;

/// <summary>One story in a digest, and the follow that brought it (<see cref="Source"/>: the creator's or the community's name).</summary>
public sealed record DigestEntry(
    int Id, string Title, string Subtitle, string Slug, string AuthorId, string AuthorName, string AuthorUsername,
    int CommunityId, string CommunityName, string CommunitySlug, DateTime PublishedAt)
{
    public string Source { get; init; } = "";

    public StoryMaking Making { get; init; }
    public ContentWarnings Warnings { get; init; }

    public string Path => StoryLinks.Path(CommunitySlug, Slug);
}

/// <summary>
/// The stories a digest lists: those from what the reader follows, newest first, how many more there were, the follows
/// that brought all of them (newest first), and the Top stories.
/// </summary>
public sealed record DigestContents(IReadOnlyList<DigestEntry> Followed, int MoreFollowed, IReadOnlyList<string> Sources, IReadOnlyList<DigestEntry> TopStories);
