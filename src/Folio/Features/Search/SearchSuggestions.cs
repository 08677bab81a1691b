using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

public sealed record FilterOption(int Id, string Slug, string Name);

public sealed record TagSuggestion(string Slug, string Name, int StoryCount);

/// <summary>
/// What /search offers around the results: filter choices, popular tags, similar tags and newest stories. Every list
/// is the top few by stored story count, never all of them: the rest are reached by typing their name.
/// </summary>
public static class SearchSuggestions
{
    /// <summary>The communities with the most stories, by name; when there are no more than this, all of them.</summary>
    public static async Task<List<FilterOption>> TopCommunitiesAsync(FolioDb db, int count, CancellationToken cancellationToken)
    {
        var top = await db.Communities.OrderByDescending(c => c.StoryCount).ThenBy(c => c.Name).Take(count)
            .Select(c => new FilterOption(c.Id, c.Slug, c.Name)).ToListAsync(cancellationToken);
        return [.. top.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The tags on the most published stories, most first.</summary>
    public static Task<List<TagSuggestion>> PopularTagsAsync(FolioDb db, int count, CancellationToken cancellationToken) =>
        db.Tags.Where(t => t.StoryCount > 0).OrderByDescending(t => t.StoryCount).ThenBy(t => t.Name).Take(count)
            .Select(t => new TagSuggestion(t.Slug, t.Name, t.StoryCount)).ToListAsync(cancellationToken);

    /// <summary>A community by what was typed: its slug, or its name as the slug it would have.</summary>
    public static Task<FilterOption?> FindCommunityAsync(FolioDb db, string? typed, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(typed) ? "" : Slug.From(typed, CommunitySlugRules.MaxLength);
        return slug.Length == 0 ? Task.FromResult<FilterOption?>(null)
            : db.Communities.Where(c => c.Slug == slug).Select(c => new FilterOption(c.Id, c.Slug, c.Name)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A tag on at least one published story, by its slug or its name as typed.</summary>
    public static Task<FilterOption?> FindTagAsync(FolioDb db, string? typed, CancellationToken cancellationToken)
    {
        var slug = string.IsNullOrWhiteSpace(typed) ? "" : TagSlug.From(typed);
        return slug.Length == 0 ? Task.FromResult<FilterOption?>(null)
            : db.Tags.Where(t => t.Slug == slug && t.StoryCount > 0).Select(t => new FilterOption(t.Id, t.Slug, t.Name)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Tags whose slug starts with or contains one of the words searched for, or shares its first letters.</summary>
    public static async Task<List<TagSuggestion>> SimilarTagsAsync(FolioDb db, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = query.Words.Select(TagSlug.From).Where(w => w.Length >= 2).Distinct().Take(6).ToList();
        var found = new List<TagSuggestion>();
        foreach (var word in words)
        {
            // The first three letters catch a misspelt ending: "rivr" suggests "rivers".
            var stem = word.Length >= 4 ? word[..3] : word;
            found.AddRange(await db.Tags.Where(t => t.StoryCount > 0 && (t.Slug.Contains(word) || t.Slug.StartsWith(stem)))
                .OrderByDescending(t => t.Slug.Contains(word)).ThenByDescending(t => t.Slug.StartsWith(word)).ThenByDescending(t => t.StoryCount).Take(8)
                .Select(t => new TagSuggestion(t.Slug, t.Name, t.StoryCount))
                .ToListAsync(cancellationToken));
        }

        return found.DistinctBy(t => t.Slug).Take(8).ToList();
    }

    public static Task<List<StoryCard>> NewestAsync(FolioDb db, ReadingChoices choices, int count, CancellationToken cancellationToken) =>
        db.Stories.Published().VisibleTo(choices).NewestFirst().ToCards().Take(count).ToListAsync(cancellationToken);
}
