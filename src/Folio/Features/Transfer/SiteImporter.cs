using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Subscriptions;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// Loads a Folio export into this site, empty or not. Communities are matched by slug and people by email; what
/// exists is kept as it is. A story is known by its import key (or "folio:{community}/{slug}"), and arrives once,
/// with its comments, insights, impressions, hearts and reads; importing the file again adds nothing.
/// Like every import, it notifies nobody.
/// </summary>
public sealed class SiteImporter(FolioDb db, UserManager<FolioUser> users)
{
    public async Task<(ImportReport? Report, string? Problem)> ImportAsync(string path, TransferProgress progress, CancellationToken cancellationToken)
    {
        var (file, problem) = await SiteExportFile.ReadAsync(path, cancellationToken);
        if (file is null)
        {
            return (null, problem);
        }

        var report = new ImportReport();
        progress.Start((file.Stories?.Count ?? 0) + 1);
        var communities = await CommunitiesAsync(file.Communities ?? [], report, cancellationToken);
        var people = new SitePeople(users);
        await people.AddAsync(file.People ?? [], report);
        progress.Advance();

        var stories = new SiteStories(db, file, communities, people);
        await using (var batch = new TransferBatch(db))
        {
            foreach (var story in file.Stories ?? [])
            {
                await batch.NextAsync(cancellationToken);
                await stories.ImportAsync(story, report, cancellationToken);
                progress.Advance();
            }

            await batch.CommitAsync(cancellationToken);
        }

        await FollowsAsync(file, communities, people, cancellationToken);
        return (report, null);
    }

    private async Task<Dictionary<string, int>> CommunitiesAsync(List<ExportedCommunity> exported, ImportReport report, CancellationToken cancellationToken)
    {
        var existing = await db.Communities.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var created = new List<string>();
        foreach (var community in exported.Where(c => !existing.ContainsKey(c.Slug)))
        {
            existing[community.Slug] = db.Communities.Add(new Community
            {
                Slug = community.Slug,
                Name = community.Name,
                Tagline = community.Tagline ?? "",
                Description = community.Description ?? "",
                AccentColor = community.AccentColor ?? "#3d5560",
                LogoUrl = community.LogoUrl,
                MinimumWords = community.MinimumWords ?? 100,
                CreatedAt = community.CreatedAt,
            }).Entity;
            created.Add(community.Slug);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (created.Count > 0)
        {
            report.Note("communities", $"created {string.Join(", ", created.Select(slug => "/" + slug))}");
        }

        return existing.ToDictionary(c => c.Key, c => c.Value.Id);
    }

    /// <summary>Subscriptions and community follows that are not here yet.</summary>
    private async Task FollowsAsync(SiteExportFile file, Dictionary<string, int> communities, SitePeople people, CancellationToken cancellationToken)
    {
        foreach (var s in file.Subscriptions ?? [])
        {
            if (people.IdOf(s.Subscriber) is { } subscriber && people.IdOf(s.Creator) is { } creator
                && !await db.Subscriptions.AnyAsync(x => x.SubscriberId == subscriber && x.CreatorId == creator, cancellationToken))
            {
                db.Subscriptions.Add(new Subscription { SubscriberId = subscriber, CreatorId = creator, CreatedAt = s.CreatedAt });
            }
        }

        foreach (var f in file.CommunityFollows ?? [])
        {
            if (people.IdOf(f.Person) is { } person && communities.TryGetValue(f.Community, out var community)
                && !await db.CommunityFollows.AnyAsync(x => x.UserId == person && x.CommunityId == community, cancellationToken))
            {
                db.CommunityFollows.Add(new CommunityFollow { UserId = person, CommunityId = community, CreatedAt = f.CreatedAt });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static Task<List<Tag>> TagsAsync(FolioDb db, SiteExportFile file, IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        var names = (file.Tags ?? []).ToDictionary(t => t.Slug, t => t.Name);
        return TagResolver.ResolveAsync(db, slugs.Select(slug => names.GetValueOrDefault(slug, slug)), cancellationToken);
    }
}
