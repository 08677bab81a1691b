using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Newsletters;

/// <summary>What an unsubscribe link stops, in words for its page: "new stories from Maya Ortiz".</summary>
public sealed record UnsubscribeSubject(string What, string StillFollowing);

/// <summary>
/// Carries out an unsubscribe link: the follow's emails stop (its <see cref="Delivery"/> becomes Never), the follow
/// itself stays, so the reader's feed and notifications go on. The account's own choice changes only for "everything".
/// </summary>
public sealed class Unsubscriptions(FolioDb db)
{
    /// <summary>Null when the account is gone; a follow that ended since is still described, and stopping it does nothing.</summary>
    public async Task<UnsubscribeSubject?> DescribeAsync(Unsubscription unsubscription, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == unsubscription.UserId, cancellationToken))
        {
            return null;
        }

        switch (unsubscription.Target)
        {
            case UnsubscribeTarget.Creator:
                var creator = await db.Users.Where(u => u.Id == unsubscription.CreatorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
                return creator is null ? null : new UnsubscribeSubject(
                    $"emails about new stories from {creator}",
                    $"You stay subscribed to {creator}: their new stories still reach your Following page and notifications.");
            case UnsubscribeTarget.Community:
                var community = await db.Communities.Where(c => c.Id == unsubscription.CommunityId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return community is null ? null : new UnsubscribeSubject(
                    $"emails about new stories in {community}",
                    $"You still follow {community}: its new stories still reach your Following page.");
            case UnsubscribeTarget.DailyDigest or UnsubscribeTarget.WeeklyDigest:
                var name = unsubscription.Target == UnsubscribeTarget.WeeklyDigest ? "weekly" : "daily";
                return new UnsubscribeSubject(
                    $"your {name} digest of new stories",
                    "You keep following everyone you follow: their new stories still reach your Following page and notifications.");
            default:
                return new UnsubscribeSubject(
                    "all emails about new stories",
                    "You keep following everyone you follow: their new stories still reach your Following page and notifications.");
        }
    }

    public async Task StopAsync(Unsubscription unsubscription, CancellationToken cancellationToken)
    {
        var userId = unsubscription.UserId;
        switch (unsubscription.Target)
        {
            case UnsubscribeTarget.Creator:
                await db.Subscriptions.Where(s => s.SubscriberId == userId && s.CreatorId == unsubscription.CreatorId)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.Delivery, (Delivery?)Delivery.Never), cancellationToken);
                break;
            case UnsubscribeTarget.Community:
                await db.CommunityFollows.Where(f => f.UserId == userId && f.CommunityId == unsubscription.CommunityId)
                    .ExecuteUpdateAsync(set => set.SetProperty(f => f.Delivery, (Delivery?)Delivery.Never), cancellationToken);
                break;
            case UnsubscribeTarget.DailyDigest or UnsubscribeTarget.WeeklyDigest:
                await StopDigestAsync(userId, unsubscription.DigestPeriod!.Value, cancellationToken);
                break;
            default:
                // "Everything" means every follow too: one that chose its own delivery would otherwise go on.
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await db.Users.Where(u => u.Id == userId)
                        .ExecuteUpdateAsync(set => set.SetProperty(u => u.NewsletterDelivery, Delivery.Never), cancellationToken);
                    await db.Subscriptions.Where(s => s.SubscriberId == userId && s.Delivery != null)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.Delivery, (Delivery?)null), cancellationToken);
                    await db.CommunityFollows.Where(f => f.UserId == userId && f.Delivery != null)
                        .ExecuteUpdateAsync(set => set.SetProperty(f => f.Delivery, (Delivery?)null), cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                break;
        }
    }

    /// <summary>Every choice of that period becomes Never: the reader's own, and each follow's that said so itself.</summary>
    private async Task StopDigestAsync(string userId, Delivery period, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.NewsletterDelivery == period)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.NewsletterDelivery, Delivery.Never), cancellationToken);
        await db.Subscriptions.Where(s => s.SubscriberId == userId && s.Delivery == period)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Delivery, (Delivery?)Delivery.Never), cancellationToken);
        await db.CommunityFollows.Where(f => f.UserId == userId && f.Delivery == period)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Delivery, (Delivery?)Delivery.Never), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
