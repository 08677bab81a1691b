using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Subscriptions;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.HasKey(s => new { s.SubscriberId, s.CreatorId });
        subscription.HasOne(s => s.Subscriber).WithMany().HasForeignKey(s => s.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        subscription.HasOne(s => s.Creator).WithMany().HasForeignKey(s => s.CreatorId).OnDelete(DeleteBehavior.Cascade);
        subscription.HasIndex(s => s.CreatorId);
    }
}

internal sealed class CommunityFollowConfiguration : IEntityTypeConfiguration<CommunityFollow>
{
    public void Configure(EntityTypeBuilder<CommunityFollow> follow)
    {
        follow.HasKey(f => new { f.UserId, f.CommunityId });
        follow.HasOne(f => f.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        follow.HasOne(f => f.Community).WithMany().OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => f.CommunityId);
    }
}
