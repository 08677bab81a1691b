using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Features.Stories;

/// <summary>
/// The story–tag join, which EF Core keeps as property-bag rows of its own entity type: its name, and what a save
/// that adds or removes such rows means, in one place for every feature that reacts to a story's tags changing.
/// </summary>
public static class StoryTagRows
{
    public const string EntityName = "StoryTags";

    // EF Core's names for the join's keys: the collection navigation's name (Tag.Stories, Story.Tags) plus the key.
    public const string StoryKey = "StoriesId";
    public const string TagKey = "TagsId";

    /// <summary>
    /// Stories already saved whose tags this save adds or removes. A new story's rows carry a temporary id and are left
    /// out: the story itself is new in the same save, and whoever reads the save sees it as such.
    /// </summary>
    public static IReadOnlySet<int> RetaggedStories(ChangeTracker tracker) =>
        tracker.Entries<Dictionary<string, object>>()
            .Where(row => row.Metadata.Name == EntityName && row.State is EntityState.Added or EntityState.Deleted)
            .Select(row => row.Property(StoryKey))
            .Where(story => !story.IsTemporary && story.CurrentValue is int)
            .Select(story => (int)story.CurrentValue!)
            .ToHashSet();
}
