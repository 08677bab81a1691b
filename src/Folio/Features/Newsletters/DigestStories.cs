using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Newsletters;

/// <summary>
/// What goes into digests: a page of readers' follows in two queries, the page's new stories in one (published, in the
/// period, from what they follow), and the site's Top stories of the period.
/// </summary>
public sealed class DigestStories(FolioDb db)
{
    /// <summary>The most stories a digest lists; the rest are counted, and wait on the reader's Following page.</summary>
    public const int MaxListed = 20;

    public const int MaxTopStories = 5;

    public async Task<Dictionary<string, DigestFollows>> FollowsAsync(IReadOnlyDictionary<string, Delivery> readers, CancellationToken cancellationToken)
    {
        var ids = readers.Keys.ToList();
        var subscriptions = (await db.Subscriptions.Where(s => ids.Contains(s.SubscriberId))
            .Select(s => new { s.SubscriberId, s.CreatorId, s.Delivery }).ToListAsync(cancellationToken))
            .ToLookup(s => s.SubscriberId);
        var follows = (await db.CommunityFollows.Where(f => ids.Contains(f.UserId))
            .Select(f => new { f.UserId, f.CommunityId, f.Delivery }).ToListAsync(cancellationToken))
            .ToLookup(f => f.UserId);
        return readers.ToDictionary(r => r.Key, r => new DigestFollows(
            r.Value,
            subscriptions[r.Key].ToDictionary(s => s.CreatorId, s => s.Delivery),
            follows[r.Key].ToDictionary(f => f.CommunityId, f => f.Delivery)));
    }

    /// <summary>
    /// What each of a page of readers' digests lists: the stories published after the reader's own
    /// <see cref="DigestDue.From"/> up to <paramref name="through"/> that reach them by this period. One query reads them
    /// for the whole page (published in the window, by a creator or in a community someone on the page follows by this
    /// period: at most one period's publishing), and each reader's are picked from it.
    /// </summary>
    public async Task<Dictionary<string, DigestContents>> ForReadersAsync(
        IReadOnlyList<DigestDue> readers, Delivery period, DateTime through, CancellationToken cancellationToken)
    {
        if (readers.Count == 0)
        {
            return [];
        }

        var from = readers.Min(r => r.From);
        var creators = readers.SelectMany(r => r.Follows.CreatorsBy(period)).Distinct().ToList();
        var communities = readers.SelectMany(r => r.Follows.CommunitiesBy(period)).Distinct().ToList();
        var published = await Entries(db.Stories.Published()
                .Where(s => s.PublishedAt > from && s.PublishedAt <= through)
                .Where(s => creators.Contains(s.AuthorId) || communities.Contains(s.CommunityId))
                .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id))
            .ToListAsync(cancellationToken);
        return readers.ToDictionary(r => r.ReaderId, r => For(r, period, published));
    }

    private static DigestContents For(DigestDue reader, Delivery period, IEnumerable<DigestEntry> published)
    {
        var creators = reader.Follows.CreatorsBy(period).ToHashSet(StringComparer.Ordinal);
        var entries = published
            .Where(e => e.PublishedAt > reader.From && e.AuthorId != reader.ReaderId && !reader.Choices.Hides(e.Making, e.Warnings))
            .Where(e => reader.Follows.DeliveryOf(e.AuthorId, e.CommunityId) == period)
            .Select(e => e with { Source = creators.Contains(e.AuthorId) ? e.AuthorName : e.CommunityName })
            .ToList();
        return new DigestContents([.. entries.Take(MaxListed)], Math.Max(0, entries.Count - MaxListed),
            [.. entries.Select(e => e.Source).Distinct(StringComparer.Ordinal)], []);
    }

    /// <summary>The stories curators made Top stories in the period before <paramref name="through"/>, the newest pick first.</summary>
    public Task<List<DigestEntry>> TopStoriesAsync(Delivery period, DateTime through, CancellationToken cancellationToken)
    {
        var from = through - DigestSchedule.Length(period);
        return Entries(db.Stories.Published()
                .Where(s => s.TopStoryAt > from && s.TopStoryAt <= through)
                .OrderByDescending(s => s.TopStoryAt).ThenByDescending(s => s.Id)
                .Take(MaxTopStories + MaxListed))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<DigestEntry> Entries(IQueryable<Story> stories) =>
        stories.AsNoTracking().Select(s => new DigestEntry(s.Id, s.Title, s.Subtitle, s.Slug, s.AuthorId, s.Author.DisplayName, s.Author.UserName!,
            s.CommunityId, s.Community.Name, s.Community.Slug, s.PublishedAt!.Value) { Making = s.Making, Warnings = s.Warnings });
}
