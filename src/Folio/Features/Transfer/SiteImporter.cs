using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Features.Federation.Remote;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// Loads a Folio export into this site, empty or not. Communities are matched by slug and people by email; what
/// exists is kept as it is. A story is known by its import key (or "folio:{community}/{slug}"), and arrives once,
/// with its comments, insights, impressions, hearts and reads; a challenge is known by its slug, and arrives with its
/// entries, assignments and scores; a series by its author and slug, with its parts and subscribers. Importing the file again adds nothing.
/// Like every import, it notifies nobody.
/// </summary>
public sealed class SiteImporter(FolioDb db, StoryWorkflow workflow, AccountBatch accounts, FediverseAccount fediverse, TimeProvider clock)
{
    private const int StoriesPerSave = 200;

    public async Task<(ImportReport? Report, string? Problem)> ImportAsync(string path, TransferProgress progress, CancellationToken cancellationToken)
    {
        var (file, problem) = await SiteExportFile.ReadAsync(path, cancellationToken);
        if (file is null)
        {
            return (null, problem);
        }

        var report = new ImportReport();
        progress.Start(file.StoryCount + 1);
        var communities = await CommunitiesAsync(file.Communities, report, cancellationToken);
        await accounts.LoadAsync(cancellationToken);
        var people = new SitePeople(db, accounts);
        await people.AddAsync(file.People, report, cancellationToken);
        progress.Advance();

        var remote = new SiteRemoteFollowers(db, people, communities);
        var remoteActors = await remote.AddActorsAsync(file, report, cancellationToken);
        var remoteAuthors = new RemoteAuthors(remoteActors, remoteActors.Count > 0 ? await fediverse.IdAsync() : FediverseAccount.Id);
        var stories = new SiteStories(db, workflow, file, communities, people, remoteAuthors);
        await foreach (var batch in file.StoriesAsync(cancellationToken).Chunk(StoriesPerSave).WithCancellation(cancellationToken))
        {
            // A commit waits for the disk: one per batch, not one per story. A crash loses at most this batch, which the
            // next run, being idempotent, brings in.
            await using var transaction = await BulkWrites.BeginBatchAsync(db, cancellationToken);
            await stories.ImportAsync(batch, report, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress.Advance(batch.Length);
        }

        await new SiteChallenges(db, people, communities, stories.Ids, clock).AddAsync(file, report, cancellationToken);
        await new SiteFollows(db, people, communities).AddAsync(file, report, cancellationToken);
        await new SiteSeries(db, people, stories.Ids).AddAsync(file, report, cancellationToken);
        await new SiteAuditLog(db, people).AddAsync(file.AuditLog, report, cancellationToken);
        await remote.AddFollowersAsync(file, remoteActors, report, cancellationToken);
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
}
