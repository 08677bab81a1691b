using Folio.Features.Federation.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation;

internal sealed class FederationConfiguration :
    IEntityTypeConfiguration<ActorKey>, IEntityTypeConfiguration<RemoteActor>, IEntityTypeConfiguration<RemoteFollower>, IEntityTypeConfiguration<FederationDelivery>,
    IEntityTypeConfiguration<StoryActivity>
{
    private const int UriLength = 2000;

    public void Configure(EntityTypeBuilder<ActorKey> key)
    {
        key.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        key.Property(k => k.OwnerId).HasMaxLength(450);
        key.Property(k => k.PublicKeyPem).HasMaxLength(1000);
        key.Property(k => k.PrivateKeyPem).HasMaxLength(4000);
        key.HasIndex(k => new { k.Kind, k.OwnerId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RemoteActor> actor)
    {
        actor.Property(a => a.Uri).HasMaxLength(UriLength);
        actor.Property(a => a.Host).HasMaxLength(255);
        actor.Property(a => a.Inbox).HasMaxLength(UriLength);
        actor.Property(a => a.SharedInbox).HasMaxLength(UriLength);
        actor.Property(a => a.Type).HasMaxLength(40);
        actor.Property(a => a.PreferredUsername).HasMaxLength(200);
        actor.Property(a => a.Name).HasMaxLength(200);
        actor.Property(a => a.ProfileUrl).HasMaxLength(UriLength);
        actor.Property(a => a.IconUrl).HasMaxLength(UriLength);
        actor.Property(a => a.PublicKeyId).HasMaxLength(UriLength);
        actor.Property(a => a.PublicKeyPem).HasMaxLength(4000);
        actor.HasIndex(a => a.Uri).IsUnique();
        actor.HasIndex(a => a.PublicKeyId);
        actor.HasIndex(a => a.Host);
        actor.Ignore(a => a.DeliveryInbox);
        actor.Ignore(a => a.Handle);
        actor.Ignore(a => a.DisplayName);
    }

    public void Configure(EntityTypeBuilder<RemoteFollower> follower)
    {
        follower.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        follower.Property(f => f.OwnerId).HasMaxLength(450);
        follower.Property(f => f.FollowActivityId).HasMaxLength(UriLength);
        follower.HasOne(f => f.RemoteActor).WithMany().OnDelete(DeleteBehavior.Cascade);
        follower.HasIndex(f => new { f.Kind, f.OwnerId, f.RemoteActorId }).IsUnique();
        follower.HasIndex(f => f.RemoteActorId);

        // A creator's or community's followers, newest first, as the API and the moderators' list page through them.
        follower.HasIndex(f => new { f.Kind, f.OwnerId, f.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<FederationDelivery> delivery)
    {
        delivery.Property(d => d.SenderKind).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.SenderId).HasMaxLength(450);
        delivery.Property(d => d.Inbox).HasMaxLength(UriLength);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.HasIndex(d => new { d.NextAttemptAt, d.CreatedAt });
        delivery.HasIndex(d => d.Inbox);
    }

    public void Configure(EntityTypeBuilder<StoryActivity> activity)
    {
        activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        activity.Property(a => a.AuthorId).HasMaxLength(450);
        activity.Property(a => a.SiteOrigin).HasMaxLength(UriLength);
        activity.Property(a => a.LastError).HasMaxLength(2000);
        activity.HasIndex(a => new { a.DoneAt, a.NextAttemptAt });
    }
}
