using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Feeds;

/// <summary>
/// The site's addresses as sitemap parts of at most <see cref="SitemapOptions.PartSize"/> each: the site's own pages;
/// communities, creators with published stories and tags in use, each in name order; and published stories by id,
/// part n holding ids ((n-1)·size, n·size], so a story stays in its part for good and each part is one primary-key
/// range. A story part holds fewer addresses than the size when ids went to drafts; it is never larger. Every query is
/// a seek or a range on an index; only the index's story lastmods read an entry of every published story, from the
/// index that covers them (Status, PublishedAt, UpdatedAt). A story part takes its stories' dates from the index that
/// covers them by id (Status, Id, PublishedAt, UpdatedAt) and their addresses from the rows: SQLite keeps Status and
/// the dates behind the bodies, so reading all from the rows walked 10,000 bodies' overflow pages (12 requests/s at
/// 100,000 stories), while the slugs sit before them.
/// </summary>
public sealed class Sitemap(FolioDb db, IOptions<SitemapOptions> options)
{
    private static readonly string[] SitePages = ["/", "/explore", "/insights", "/contact", "/privacy", "/terms", "/support", "/developers"];

    private int Size => options.Value.PartSize;

    /// <summary>The parts the index lists: the site's pages, then communities, creators, tags and stories, each numbered from 1.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> PartsAsync(CancellationToken cancellationToken)
    {
        var parts = new List<SitemapEntry> { new(SitemapPaths.Pages, null) };
        parts.AddRange(Numbered(SitemapPaths.Communities, await db.Communities.CountAsync(cancellationToken)));
        var creators = await PublishingCreators().CountAsync(cancellationToken);
        parts.AddRange(Numbered(SitemapPaths.Creators, creators));
        var tags = await TagsInUse().CountAsync(cancellationToken);
        parts.AddRange(Numbered(SitemapPaths.Tags, tags));

        var size = Size;
        var storyParts = await db.Stories.Published()
            .GroupBy(s => (s.Id - 1) / size)
            .Select(g => new { Part = g.Key + 1, Last = g.Max(s => s.UpdatedAt > s.PublishedAt!.Value ? s.UpdatedAt : s.PublishedAt!.Value) })
            .OrderBy(p => p.Part)
            .ToListAsync(cancellationToken);
        parts.AddRange(storyParts.Select(p => new SitemapEntry(SitemapPaths.Stories(p.Part), p.Last)));
        return parts;
    }

    public static IReadOnlyList<SitemapEntry> Pages() => SitePages.Select(path => new SitemapEntry(path, null)).ToList();

    public async Task<IReadOnlyList<SitemapEntry>?> CommunitiesAsync(int part, CancellationToken cancellationToken) =>
        !Exists(part) ? null : NullIfEmpty(await db.Communities.OrderBy(c => c.Slug).Skip((part - 1) * Size).Take(Size)
            .Select(c => new SitemapEntry("/" + c.Slug, null)).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<SitemapEntry>?> CreatorsAsync(int part, CancellationToken cancellationToken) =>
        !Exists(part) ? null : NullIfEmpty(await PublishingCreators().OrderBy(u => u.NormalizedUserName).Skip((part - 1) * Size).Take(Size)
            .Select(u => new SitemapEntry("/authors/" + u.UserName, null)).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<SitemapEntry>?> TagsAsync(int part, CancellationToken cancellationToken) =>
        !Exists(part) ? null : NullIfEmpty(await TagsInUse().OrderBy(t => t.Slug).Skip((part - 1) * Size).Take(Size)
            .Select(t => new SitemapEntry("/tags/" + t.Slug, null)).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<SitemapEntry>?> StoriesAsync(int part, CancellationToken cancellationToken)
    {
        if (!Exists(part))
        {
            return null;
        }

        var (after, upTo) = ((part - 1) * Size, part * Size);
        var dates = await db.Stories.Published().Where(s => s.Id > after && s.Id <= upTo)
            .Select(s => new { s.Id, PublishedAt = s.PublishedAt!.Value, s.UpdatedAt })
            .ToDictionaryAsync(s => s.Id, s => s.UpdatedAt > s.PublishedAt ? s.UpdatedAt : s.PublishedAt, cancellationToken);
        if (dates.Count == 0)
        {
            return null;
        }

        var addresses = await db.Stories.Where(s => s.Id > after && s.Id <= upTo).OrderBy(s => s.Id)
            .Select(s => new { s.Id, Community = s.Community.Slug, s.Slug })
            .ToListAsync(cancellationToken);
        return addresses.Where(a => dates.ContainsKey(a.Id)).Select(a => new SitemapEntry(StoryLinks.Path(a.Community, a.Slug), dates[a.Id])).ToList();
    }

    /// <summary>A part number that can be a part: from 1, and not so large that its first address overflows.</summary>
    private bool Exists(int part) => part >= 1 && part <= int.MaxValue / Size;

    private IQueryable<FolioUser> PublishingCreators() => db.Users.Where(u => db.Stories.Published().Any(s => s.AuthorId == u.Id));

    // The stored count: asking each tag whether it has a published story took SQLite 12 s at 5,000 tags and 100,000 stories.
    private IQueryable<Tag> TagsInUse() => db.Tags.Where(t => t.StoryCount > 0);

    private IEnumerable<SitemapEntry> Numbered(Func<int, string> path, int count) =>
        Enumerable.Range(1, (count + Size - 1) / Size).Select(part => new SitemapEntry(path(part), null));

    private static IReadOnlyList<SitemapEntry>? NullIfEmpty(List<SitemapEntry> entries) => entries.Count == 0 ? null : entries;
}
