using Folio.Features.Stories;

namespace Folio.Features.Demo;

/// <summary>The first demo creator's earliest story pinned to their profile, and its community's earliest to the community page, so both show pins.</summary>
internal static class DemoPins
{
    public static void Add(IReadOnlyList<Story> stories, DateTime now)
    {
        var first = stories[0];
        stories.Where(s => s.AuthorId == first.AuthorId).MinBy(s => s.PublishedAt)!.ProfilePinnedAt = now.AddDays(-1);
        stories.Where(s => s.Community == first.Community).MinBy(s => s.PublishedAt)!.CommunityPinnedAt = now.AddDays(-1);
    }
}
