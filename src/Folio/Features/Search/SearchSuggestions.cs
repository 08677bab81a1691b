using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

public sealed record FilterOption(string Slug, string Name);

public sealed record TagSuggestion(string Slug, string Name, int StoryCount);

/// <summary>What /search offers around the results: filter choices, popular tags, similar tags and newest stories.</summary>
public static class SearchSuggestions
{
    public static Task<List<FilterOption>> CommunitiesAsync(FolioDb db, CancellationToken cancellationToken) =>
        db.Communities.OrderBy(c => c.Name).Select(c => new FilterOption(c.Slug, c.Name)).ToListAsync(cancellationToken);

    /// <summary>Tags on at least one published story, by name: the tag filter's choices.</summary>
    public static Task<List<FilterOption>> TagsAsync(FolioDb db, CancellationToken cancellationToken) =>
        TagsInUse(db).OrderBy(t => t.Name).Select(t => new FilterOption(t.Slug, t.Name)).ToListAsync(cancellationToken);

    public static Task<List<TagSuggestion>> PopularTagsAsync(FolioDb db, int count, CancellationToken cancellationToken) =>
        WithCounts(TagsInUse(db).OrderByDescending(t => t.Stories.AsQueryable().Count(StoryQueries.IsPublished)).ThenBy(t => t.Name).Take(count))
            .ToListAsync(cancellationToken);

    /// <summary>Tags whose slug starts with or contains one of the words searched for, or shares its first letters.</summary>
    public static async Task<List<TagSuggestion>> SimilarTagsAsync(FolioDb db, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = query.Words.Select(TagSlug.From).Where(w => w.Length >= 2).Distinct().Take(6).ToList();
        var found = new List<TagSuggestion>();
        foreach (var word in words)
        {
            // The first three letters catch a misspelt ending: "rivr" suggests "rivers".
            var stem = word.Length >= 4 ? word[..3] : word;
            found.AddRange(await WithCounts(TagsInUse(db).Where(t => t.Slug.Contains(word) || t.Slug.StartsWith(stem))
                .OrderByDescending(t => t.Slug.Contains(word)).ThenByDescending(t => t.Slug.StartsWith(word)).ThenByDescending(t => t.Stories.AsQueryable().Count(StoryQueries.IsPublished)).Take(8))
                .ToListAsync(cancellationToken));
        }

        return found.DistinctBy(t => t.Slug).Take(8).ToList();
    }

    public static Task<List<StoryCard>> NewestAsync(FolioDb db, int count, CancellationToken cancellationToken) =>
        db.Stories.Published().NewestFirst().ToCards().Take(count).ToListAsync(cancellationToken);

    private static IQueryable<Tag> TagsInUse(FolioDb db) =>
        db.Tags.Where(t => t.Stories.AsQueryable().Any(StoryQueries.IsPublished));

    private static IQueryable<TagSuggestion> WithCounts(IQueryable<Tag> tags) =>
        tags.Select(t => new TagSuggestion(t.Slug, t.Name, t.Stories.AsQueryable().Count(StoryQueries.IsPublished)));
}
