using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>A story linked from the end of another: what a compact link shows.</summary>
public sealed record StoryLink(
    int Id, string CommunitySlug, string CommunityName, string Title, string Subtitle, string Slug,
    string AuthorUsername, string AuthorName, DateTime PublishedAt, int ReadingMinutes)
{
    public string Url => StoryLinks.Path(CommunitySlug, Slug);
}

/// <summary>What the end of a story suggests: "Read next" and "More from {creator}". Both empty: nothing shown.</summary>
public sealed record AfterStory(IReadOnlyList<StoryLink> ReadNext, IReadOnlyList<StoryLink> MoreFromCreator)
{
    public IEnumerable<int> StoryIds => ReadNext.Concat(MoreFromCreator).Select(s => s.Id);
}

/// <summary>
/// Picks "Read next" and "More from {creator}" in three bounded commands, whatever the site holds.
/// Read next: up to <see cref="Count"/> published stories of the same community, never the story itself, one the
/// signed-in reader has hearted, nor one they chose to hide. Candidates are the newest <see cref="Candidates"/> of those that share a tag with the
/// story, and the community's newest <see cref="Candidates"/> (the fill, read down the community's
/// (CommunityId, Status, PublishedAt) index and stopped at the limit). They are ranked in memory:
/// 1. stories sharing a tag before those that share none;
/// 2. then by "effective age": days since publication, less one week per reader who gave insights (at most
///    <see cref="MostInsightWeeks"/> weeks), smallest first, so a well-received story holds its place a while;
/// 3. then newest first.
/// Stories sharing a tag are found from the tags, not the community: for each of the story's few tags, its
/// <see cref="TagWindow"/> newest rows of the story–tag join, read from the join's (TagsId, StoriesId) index newest
/// story first (story ids grow with time), then those stories by primary key, kept when they are of the community.
/// Walking the community's index and asking each story whether it shares a tag read the whole community when none
/// did (20,000 stories on a big site, on every signed-in view); walking a tag's rows until enough of the community
/// turned up would read all of a tag that is common elsewhere and rare here. The window bounds both: a tag whose newest
/// <see cref="TagWindow"/> stories are all elsewhere is one the community has not used lately, and the fill stands in.
/// Newest by id is newest by creation; a story published long after it was drafted is ranked by its publication all
/// the same, but may sit deeper in its tags' windows.
/// More from the creator: the creator's newest other stories (the creator's index), leaving out any already in Read next.
/// An anonymous page is cached with both lists, so a story published later shows up in other stories' lists only once
/// their copies expire (<see cref="Caching.PageCachingOptions.Duration"/>); a listed story that changes or is taken
/// down evicts every page that lists it (<see cref="Caching.PageCacheTags.Listed"/>).
/// </summary>
public static class ReadNext
{
    public const int Count = 3;
    public const int Candidates = 20;
    public const int TagWindow = 100;
    public const int MostInsightWeeks = 8;

    public static async Task<AfterStory> LoadAsync(FolioDb db, Story story, int[] tagIds, ClaimsPrincipal viewer, ReadingChoices choices, DateTime now, CancellationToken cancellationToken)
    {
        var readerId = viewer.UserId();
        IQueryable<Story> Others(IQueryable<Story> stories)
        {
            var others = stories.Published().Where(s => s.CommunityId == story.CommunityId && s.Id != story.Id).VisibleTo(choices);
            return readerId is null ? others : others.Where(s => !s.Hearts.Any(h => h.ReaderId == readerId));
        }

        List<Candidate> sharingTags = tagIds.Length == 0
            ? []
            : await ToCandidates(Others(RecentlyTagged(db, tagIds)).NewestFirst().Take(Candidates)).ToListAsync(cancellationToken);
        var newest = await ToCandidates(Others(db.Stories.AsNoTracking()).NewestFirst().Take(Candidates)).ToListAsync(cancellationToken);

        var sharing = sharingTags.Select(c => c.Link.Id).ToHashSet();
        var readNext = sharingTags.Concat(newest.Where(c => !sharing.Contains(c.Link.Id)))
            .OrderBy(c => sharing.Contains(c.Link.Id) ? 0 : 1)
            .ThenBy(c => EffectiveAgeInDays(c.Link.PublishedAt, c.InsightReaders, now))
            .ThenByDescending(c => c.Link.PublishedAt)
            .ThenByDescending(c => c.Link.Id)
            .Take(Count)
            .Select(c => c.Link)
            .ToList();

        var shown = readNext.Select(s => s.Id).ToHashSet();
        var moreFromCreator = (await ToLinks(db.Stories.AsNoTracking().Published()
                .Where(s => s.AuthorId == story.AuthorId && s.Id != story.Id).VisibleTo(choices)
                .NewestFirst()
                .Take(Count * 2))
            .ToListAsync(cancellationToken))
            .Where(s => !shown.Contains(s.Id))
            .Take(Count)
            .ToList();

        return new AfterStory(readNext, moreFromCreator);
    }

    /// <summary>
    /// Each tag's <see cref="TagWindow"/> newest stories, of any community or status, in one query. The limit on the
    /// whole changes nothing (the windows hold no more) but keeps the filters that follow from being pushed into the
    /// join: with them inside, SQLite without statistics would rather walk the community's index and look each story
    /// up in the windows, the very walk this avoids.
    /// </summary>
    private static IQueryable<Story> RecentlyTagged(FolioDb db, int[] tagIds)
    {
        var distinct = tagIds.Distinct().ToList();
        var most = TagWindow * distinct.Count;
        return distinct
            .Select(tagId => db.Set<Dictionary<string, object>>(StoryTagRows.EntityName)
                .Where(row => EF.Property<int>(row, StoryTagRows.TagKey) == tagId)
                .OrderByDescending(row => EF.Property<int>(row, StoryTagRows.StoryKey))
                .Take(TagWindow)
                .Select(row => EF.Property<int>(row, StoryTagRows.StoryKey)))
            .Aggregate((all, next) => all.Union(next))
            .Join(db.Stories.AsNoTracking(), id => id, s => s.Id, (_, s) => s)
            .OrderByDescending(s => s.Id)
            .Take(most);
    }

    public static double EffectiveAgeInDays(DateTime publishedAt, int insightReaders, DateTime now) =>
        (now - publishedAt).TotalDays - (7 * Math.Min(insightReaders, MostInsightWeeks));

    private sealed record Candidate(StoryLink Link, int InsightReaders);

    private static IQueryable<Candidate> ToCandidates(IQueryable<Story> stories) =>
        stories.Select(s => new Candidate(
            new StoryLink(s.Id, s.Community.Slug, s.Community.Name, s.Title, s.Subtitle, s.Slug,
                s.Author.UserName!, s.Author.DisplayName, s.PublishedAt!.Value, s.ReadingMinutes),
            s.Insights.Select(i => i.ReaderId).Distinct().Count()));

    private static IQueryable<StoryLink> ToLinks(IQueryable<Story> stories) =>
        stories.Select(s => new StoryLink(s.Id, s.Community.Slug, s.Community.Name, s.Title, s.Subtitle, s.Slug,
            s.Author.UserName!, s.Author.DisplayName, s.PublishedAt!.Value, s.ReadingMinutes));
}
