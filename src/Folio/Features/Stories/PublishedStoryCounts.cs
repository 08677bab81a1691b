using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// <see cref="Tag.StoryCount"/> and <see cref="Community.StoryCount"/>: how many published stories each has, stored so
/// that lists of tags and communities read a column instead of counting stories on every request. A change adds to them
/// what it did (<see cref="ShareOfAsync"/> before and after, <see cref="ApplyChangeAsync"/>); only a bulk load that
/// wrote rows outside Folio's saves recounts them all.
/// </summary>
public static class PublishedStoryCounts
{
    /// <summary>Every tag and community: after rows were written outside Folio's saves (a bulk load, a restore).</summary>
    public static async Task RecountAllAsync(FolioDb db, CancellationToken cancellationToken = default)
    {
        await RecountTags(db, cancellationToken);
        await RecountCommunities(db, cancellationToken);
    }

    /// <summary>
    /// What these stories, as they are in the database now, add to the counts: for each tag and community, how many of
    /// them are published there. Taken before and after a change, the difference is what the change did to the counts.
    /// </summary>
    public static async Task<CountShare> ShareOfAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return CountShare.None;
        }

        var published = db.Stories.Published().Where(s => storyIds.Contains(s.Id));
        var storyTags = db.Set<Dictionary<string, object>>(StoryTagRows.EntityName);
        var tagIds = await storyTags
            .Where(row => published.Any(s => s.Id == EF.Property<int>(row, StoryTagRows.StoryKey)))
            .Select(row => EF.Property<int>(row, StoryTagRows.TagKey))
            .ToListAsync(cancellationToken);
        var communityIds = await published.Select(s => s.CommunityId).ToListAsync(cancellationToken);
        return new CountShare(Tally(tagIds), Tally(communityIds));
    }

    /// <summary>
    /// Adds the difference between two shares of the same stories to the stored counts: a statement per table and size
    /// of change, touching only the rows that changed, so publishing into a tag of 50,000 stories does not count them.
    /// </summary>
    public static async Task ApplyChangeAsync(FolioDb db, CountShare before, CountShare after, CancellationToken cancellationToken)
    {
        foreach (var (change, tagIds) in Changes(before.Tags, after.Tags))
        {
            await db.Tags.Where(t => tagIds.Contains(t.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.StoryCount, t => t.StoryCount + change), cancellationToken);
        }

        foreach (var (change, communityIds) in Changes(before.Communities, after.Communities))
        {
            await db.Communities.Where(c => communityIds.Contains(c.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.StoryCount, c => c.StoryCount + change), cancellationToken);
        }
    }

    private static Dictionary<int, int> Tally(List<int> ids) => ids.CountBy(id => id).ToDictionary();

    private static IEnumerable<(int Change, List<int> Ids)> Changes(Dictionary<int, int> before, Dictionary<int, int> after) =>
        before.Keys.Union(after.Keys)
            .Select(id => (Id: id, Change: after.GetValueOrDefault(id) - before.GetValueOrDefault(id)))
            .Where(c => c.Change != 0)
            .GroupBy(c => c.Change, c => c.Id)
            .Select(group => (group.Key, group.ToList()));

    /// <summary>
    /// Counted from the tag's join rows, each story checked by its key: written through the navigation, the join let
    /// SQLite's planner, before it had statistics, start from every published story for each tag (338 s for 5,000
    /// tags at 100,000 stories, against about a second this way).
    /// </summary>
    private static Task RecountTags(FolioDb db, CancellationToken cancellationToken)
    {
        var storyTags = db.Set<Dictionary<string, object>>(StoryTagRows.EntityName);
        var published = db.Stories.Published();
        return db.Tags.ExecuteUpdateAsync(set => set.SetProperty(t => t.StoryCount, t => storyTags.Count(row =>
            EF.Property<int>(row, StoryTagRows.TagKey) == t.Id && published.Any(s => s.Id == EF.Property<int>(row, StoryTagRows.StoryKey)))), cancellationToken);
    }

    private static Task RecountCommunities(FolioDb db, CancellationToken cancellationToken) =>
        db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.StoryCount, c => db.Stories.Published().Count(s => s.CommunityId == c.Id)), cancellationToken);
}

/// <summary>For each tag and for each community, how many published stories of a set are in it.</summary>
public sealed record CountShare(Dictionary<int, int> Tags, Dictionary<int, int> Communities)
{
    public static CountShare None => new([], []);
}
