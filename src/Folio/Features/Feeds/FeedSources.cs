using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Labels;
using Folio.Features.Series;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Feeds;

/// <summary>The stories behind each feed: the site's, a community's, a tag's and a creator's; null when there is no such place.</summary>
public sealed class FeedSources(FolioDb db, CurrentSite current)
{
    public const int Size = 20;

    public async Task<Feed> SiteAsync(CancellationToken cancellationToken)
    {
        var site = await current.GetAsync(cancellationToken);
        return new(site.Name, site.Description, "/", "", await EntriesAsync(db.Stories, cancellationToken));
    }

    public async Task<Feed?> CommunityAsync(string slug, CancellationToken cancellationToken)
    {
        slug = slug.ToLowerInvariant();
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (community is null)
        {
            return null;
        }

        var description = string.IsNullOrEmpty(community.Tagline) ? community.Description : community.Tagline;
        return new Feed($"{community.Name} · {(await current.GetAsync(cancellationToken)).Name}", description, $"/{community.Slug}", $"/{community.Slug}",
            await EntriesAsync(db.Stories.Where(s => s.CommunityId == community.Id), cancellationToken));
    }

    public async Task<Feed?> TagAsync(string tag, CancellationToken cancellationToken)
    {
        var slug = TagSlug.From(tag);
        var found = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (found is null)
        {
            return null;
        }

        return new Feed($"Stories tagged {found.Name} · {(await current.GetAsync(cancellationToken)).Name}", $"Stories about {found.Name} from every community.",
            $"/tags/{found.Slug}", $"/tags/{found.Slug}",
            await EntriesAsync(db.Tags.TaggedWith(found.Id), cancellationToken));
    }

    public async Task<Feed?> CreatorAsync(string username, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var creator = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (creator is null)
        {
            return null;
        }

        var description = string.IsNullOrEmpty(creator.Bio) ? $"Stories by {creator.DisplayName}." : creator.Bio;
        return new Feed($"{creator.DisplayName} · {(await current.GetAsync(cancellationToken)).Name}", description, $"/authors/{creator.UserName}", $"/authors/{creator.UserName}",
            await EntriesAsync(db.Stories.Where(s => s.AuthorId == creator.Id), cancellationToken));
    }

    /// <summary>A series' parts, newest first, so a reader's feed reader shows each new part as it comes.</summary>
    public async Task<Feed?> SeriesAsync(string username, string slug, HttpContext http, CancellationToken cancellationToken)
    {
        var (normalized, wanted) = (username.ToUpperInvariant(), slug.ToLowerInvariant());
        var series = await db.Series.AsNoTracking().Where(s => s.Author.NormalizedUserName == normalized && s.Slug == wanted)
            .Select(s => new { s.Id, s.Title, s.Description, s.Slug, s.Author.DisplayName, s.Author.UserName }).FirstOrDefaultAsync(cancellationToken);
        if (series is null)
        {
            return null;
        }

        http.TagCachedPage(PageCacheTags.Series(series.Id));
        var path = SeriesLinks.Path(series.UserName!, series.Slug);
        var description = string.IsNullOrWhiteSpace(series.Description) ? $"A series by {series.DisplayName}." : series.Description;
        return new Feed($"{series.Title} · {(await current.GetAsync(cancellationToken)).Name}", description, path, path,
            await EntriesAsync(db.Stories.Where(s => s.SeriesId == series.Id), cancellationToken));
    }

    private static async Task<IReadOnlyList<FeedEntry>> EntriesAsync(IQueryable<Story> stories, CancellationToken cancellationToken) =>
        await stories.AsNoTracking().Published().NewestFirst().Take(Size)
            .Select(s => new FeedEntry(
                s.Id,
                s.Title,
                s.Subtitle,
                StoryLinks.Path(s.Community.Slug, s.Slug),
                s.BodyHtml,
                s.CreatedAt,
                s.PublishedAt!.Value,
                s.UpdatedAt,
                s.Author.DisplayName,
                s.Author.UserName!,
                s.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                new StoryLabelSet(s.Making, s.Warnings, s.WarningNote)))
            .ToListAsync(cancellationToken);
}
