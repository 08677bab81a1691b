using Folio.Features.Labels;
using Folio.Features.Stories;

namespace Folio.Features.Newsletters;

/// <summary>What a new-story email shows of the story, read once per announcement.</summary>
public sealed record AnnouncedStory(
    int Id, string Title, string Subtitle, string Slug, string BodyHtml, string? HeroImageUrl, string? HeroAltText,
    string AuthorId, string AuthorName, string AuthorUsername, bool WholeStory, int CommunityId, string CommunityName, string CommunitySlug)
{
    public string Path => StoryLinks.Path(CommunitySlug, Slug);

    public StoryMaking Making { get; init; }
    public ContentWarnings Warnings { get; init; }
}

/// <summary>Why a reader gets a new story by email, which the email says, and which follow its unsubscribe link stops.</summary>
public enum NewStoryReason
{
    FollowsCreator,
    FollowsCommunity,
}
