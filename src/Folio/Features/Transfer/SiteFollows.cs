using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Newsletters;
using Folio.Features.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's subscriptions and community follows that are not here yet, each with its email choice, a batch at a time.</summary>
internal sealed class SiteFollows(FolioDb db, SitePeople people, Dictionary<string, int> communities)
{
    private const int Batch = 500;

    public async Task AddAsync(SiteExportFile file, ImportReport report, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriptions = file.Subscriptions
            .Select(s => (Subscriber: people.IdOf(s.Subscriber), Creator: people.IdOf(s.Creator), s.CreatedAt,
                Delivery: DeliveryOf($"subscription of {s.Subscriber} to {s.Creator}", s.Delivery, report)))
            .Where(s => s.Subscriber is not null && s.Creator is not null)
            .DistinctBy(s => (s.Subscriber, s.Creator));
        foreach (var batch in subscriptions.Chunk(Batch))
        {
            var subscribers = batch.Select(s => s.Subscriber!).Distinct().ToList();
            var here = (await db.Subscriptions.Where(x => subscribers.Contains(x.SubscriberId)).Select(x => new { x.SubscriberId, x.CreatorId })
                .ToListAsync(cancellationToken)).Select(x => (x.SubscriberId, x.CreatorId)).ToHashSet();
            db.Subscriptions.AddRange(batch.Where(s => !here.Contains((s.Subscriber!, s.Creator!)))
                .Select(s => new Subscription { SubscriberId = s.Subscriber!, CreatorId = s.Creator!, CreatedAt = s.CreatedAt, Delivery = s.Delivery }));
            await SaveAsync(cancellationToken);
        }

        var follows = file.CommunityFollows
            .Select(f => (Person: people.IdOf(f.Person), Community: communities.TryGetValue(f.Community, out var id) ? id : (int?)null, f.CreatedAt,
                Delivery: DeliveryOf($"{f.Person} following /{f.Community}", f.Delivery, report)))
            .Where(f => f.Person is not null && f.Community is not null)
            .DistinctBy(f => (f.Person, f.Community));
        foreach (var batch in follows.Chunk(Batch))
        {
            var persons = batch.Select(f => f.Person!).Distinct().ToList();
            var here = (await db.CommunityFollows.Where(x => persons.Contains(x.UserId)).Select(x => new { x.UserId, x.CommunityId })
                .ToListAsync(cancellationToken)).Select(x => (x.UserId, x.CommunityId)).ToHashSet();
            db.CommunityFollows.AddRange(batch.Where(f => !here.Contains((f.Person!, f.Community!.Value)))
                .Select(f => new CommunityFollow { UserId = f.Person!, CommunityId = f.Community!.Value, CreatedAt = f.CreatedAt, Delivery = f.Delivery }));
            await SaveAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The follow's own email choice; none (the person's default) when the export has none or one this Folio doesn't know.</summary>
    private static Delivery? DeliveryOf(string item, string? exported, ImportReport report)
    {
        var delivery = KebabNames.Parse<Delivery>(exported);
        if (exported is not null && delivery is null)
        {
            report.Note(item, $"new stories by email: “{exported}” is not a choice here, so it follows the person's default");
        }

        return delivery;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
