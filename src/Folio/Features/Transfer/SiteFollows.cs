using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's subscriptions and community follows that are not here yet, a batch at a time.</summary>
internal sealed class SiteFollows(FolioDb db, SitePeople people, Dictionary<string, int> communities)
{
    private const int Batch = 500;

    public async Task AddAsync(SiteExportFile file, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriptions = file.Subscriptions
            .Select(s => (Subscriber: people.IdOf(s.Subscriber), Creator: people.IdOf(s.Creator), s.CreatedAt))
            .Where(s => s.Subscriber is not null && s.Creator is not null)
            .DistinctBy(s => (s.Subscriber, s.Creator));
        foreach (var batch in subscriptions.Chunk(Batch))
        {
            var subscribers = batch.Select(s => s.Subscriber!).Distinct().ToList();
            var here = (await db.Subscriptions.Where(x => subscribers.Contains(x.SubscriberId)).Select(x => new { x.SubscriberId, x.CreatorId })
                .ToListAsync(cancellationToken)).Select(x => (x.SubscriberId, x.CreatorId)).ToHashSet();
            db.Subscriptions.AddRange(batch.Where(s => !here.Contains((s.Subscriber!, s.Creator!)))
                .Select(s => new Subscription { SubscriberId = s.Subscriber!, CreatorId = s.Creator!, CreatedAt = s.CreatedAt }));
            await SaveAsync(cancellationToken);
        }

        var follows = file.CommunityFollows
            .Select(f => (Person: people.IdOf(f.Person), Community: communities.TryGetValue(f.Community, out var id) ? id : (int?)null, f.CreatedAt))
            .Where(f => f.Person is not null && f.Community is not null)
            .DistinctBy(f => (f.Person, f.Community));
        foreach (var batch in follows.Chunk(Batch))
        {
            var persons = batch.Select(f => f.Person!).Distinct().ToList();
            var here = (await db.CommunityFollows.Where(x => persons.Contains(x.UserId)).Select(x => new { x.UserId, x.CommunityId })
                .ToListAsync(cancellationToken)).Select(x => (x.UserId, x.CommunityId)).ToHashSet();
            db.CommunityFollows.AddRange(batch.Where(f => !here.Contains((f.Person!, f.Community!.Value)))
                .Select(f => new CommunityFollow { UserId = f.Person!, CommunityId = f.Community!.Value, CreatedAt = f.CreatedAt }));
            await SaveAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
