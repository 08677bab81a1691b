using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// <see cref="Tag.StoryCount"/> and <see cref="Community.StoryCount"/>: how many published stories each has, stored so
/// that lists of tags and communities read a column instead of counting stories on every request. Recounting is one
/// set-based statement per table, over only the tags and communities a change touched.
/// </summary>
public static class PublishedStoryCounts
{
    public static async Task RecountAsync(FolioDb db, IReadOnlyCollection<int> tagIds, IReadOnlyCollection<int> communityIds, CancellationToken cancellationToken = default)
    {
        if (tagIds.Count > 0)
        {
            await RecountTags(db, db.Tags.Where(t => tagIds.Contains(t.Id)), cancellationToken);
        }

        if (communityIds.Count > 0)
        {
            await RecountCommunities(db, db.Communities.Where(c => communityIds.Contains(c.Id)), cancellationToken);
        }
    }

    /// <summary>Every tag and community: after rows were written outside Folio's saves (a bulk load, a restore).</summary>
    public static async Task RecountAllAsync(FolioDb db, CancellationToken cancellationToken = default)
    {
        await RecountTags(db, db.Tags, cancellationToken);
        await RecountCommunities(db, db.Communities, cancellationToken);
    }

    /// <summary>The tags and communities of these stories, as they are in the database now.</summary>
    public static async Task<(List<int> TagIds, List<int> CommunityIds)> OfStoriesAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return ([], []);
        }

        var tagIds = await db.Stories.Where(s => storyIds.Contains(s.Id)).SelectMany(s => s.Tags.Select(t => t.Id)).Distinct().ToListAsync(cancellationToken);
        var communityIds = await db.Stories.Where(s => storyIds.Contains(s.Id)).Select(s => s.CommunityId).Distinct().ToListAsync(cancellationToken);
        return (tagIds, communityIds);
    }

    /// <summary>
    /// Counted from the tag's join rows, each story checked by its key: written through the navigation, the join let
    /// SQLite's planner, before it had statistics, start from every published story for each tag (338 s for 5,000
    /// tags at 100,000 stories, against about a second this way).
    /// </summary>
    private static Task RecountTags(FolioDb db, IQueryable<Tag> tags, CancellationToken cancellationToken)
    {
        var storyTags = db.Set<Dictionary<string, object>>(StoryTagRows.EntityName);
        var published = db.Stories.Published();
        return tags.ExecuteUpdateAsync(set => set.SetProperty(t => t.StoryCount, t => storyTags.Count(row =>
            EF.Property<int>(row, StoryTagRows.TagKey) == t.Id && published.Any(s => s.Id == EF.Property<int>(row, StoryTagRows.StoryKey)))), cancellationToken);
    }

    private static Task RecountCommunities(FolioDb db, IQueryable<Community> communities, CancellationToken cancellationToken) =>
        communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.StoryCount, c => db.Stories.Published().Count(s => s.CommunityId == c.Id)), cancellationToken);
}
