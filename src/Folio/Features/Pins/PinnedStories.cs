using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Pins;

/// <summary>A profile's or a community's pinned stories, newest pin first: one query, read through the pin's index.</summary>
public static class PinnedStories
{
    public static IQueryable<Story> PinnedToProfile(this IQueryable<Story> stories, string authorId) =>
        stories.Published().Where(s => s.AuthorId == authorId && s.ProfilePinnedAt != null)
            .OrderByDescending(s => s.ProfilePinnedAt).ThenByDescending(s => s.Id).Take(StoryPins.Limit);

    public static IQueryable<Story> PinnedToCommunity(this IQueryable<Story> stories, int communityId) =>
        stories.Published().Where(s => s.CommunityId == communityId && s.CommunityPinnedAt != null)
            .OrderByDescending(s => s.CommunityPinnedAt).ThenByDescending(s => s.Id).Take(StoryPins.Limit);

    public static Task<List<StoryCard>> ForProfileAsync(FolioDb db, string authorId, CancellationToken cancellationToken) =>
        db.Stories.PinnedToProfile(authorId).ToCards().ToListAsync(cancellationToken);

    public static Task<List<StoryCard>> ForCommunityAsync(FolioDb db, int communityId, CancellationToken cancellationToken) =>
        db.Stories.PinnedToCommunity(communityId).ToCards().ToListAsync(cancellationToken);
}
