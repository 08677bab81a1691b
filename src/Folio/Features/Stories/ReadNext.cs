using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
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
/// Read next: up to <see cref="Count"/> published stories of the same community, never the story itself nor one the
/// signed-in reader has hearted. Candidates are the community's newest <see cref="Candidates"/> that share a tag with
/// the story, and the community's newest <see cref="Candidates"/> (the fill), each read down the community's
/// (CommunityId, Status, PublishedAt) index and stopped at the limit; they are ranked in memory:
/// 1. stories sharing a tag before those that share none;
/// 2. then by "effective age": days since publication, less one week per reader who gave insights (at most
///    <see cref="MostInsightWeeks"/> weeks), smallest first, so a well-received story holds its place a while;
/// 3. then newest first.
/// More from the creator: the creator's newest other stories (the creator's index), leaving out any already in Read next.
/// An anonymous page is cached with both lists, so a story published later shows up in other stories' lists only once
/// their copies expire (<see cref="Caching.PageCachingOptions.Duration"/>); a listed story that changes or is taken
/// down evicts every page that lists it (<see cref="Caching.PageCacheTags.Listed"/>).
/// </summary>
public static class ReadNext
{
    public const int Count = 3;
    public const int Candidates = 20;
    public const int MostInsightWeeks = 8;

    public static async Task<AfterStory> LoadAsync(FolioDb db, Story story, int[] tagIds, ClaimsPrincipal viewer, DateTime now, CancellationToken cancellationToken)
    {
        var readerId = viewer.UserId();
        var others = db.Stories.AsNoTracking().Published()
            .Where(s => s.CommunityId == story.CommunityId && s.Id != story.Id);
        if (readerId is not null)
        {
            others = others.Where(s => !s.Hearts.Any(h => h.ReaderId == readerId));
        }

        List<Candidate> sharingTags = tagIds.Length == 0
            ? []
            : await ToCandidates(others.Where(s => s.Tags.Any(t => tagIds.Contains(t.Id))).NewestFirst().Take(Candidates))
                .ToListAsync(cancellationToken);
        var newest = await ToCandidates(others.NewestFirst().Take(Candidates)).ToListAsync(cancellationToken);

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
                .Where(s => s.AuthorId == story.AuthorId && s.Id != story.Id)
                .NewestFirst()
                .Take(Count * 2))
            .ToListAsync(cancellationToken))
            .Where(s => !shown.Contains(s.Id))
            .Take(Count)
            .ToList();

        return new AfterStory(readNext, moreFromCreator);
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
