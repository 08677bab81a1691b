using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation;

internal sealed class ActorKeyConfiguration : IEntityTypeConfiguration<ActorKey>
{
    public void Configure(EntityTypeBuilder<ActorKey> key)
    {
        key.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        key.Property(k => k.OwnerId).HasMaxLength(450);
        key.Property(k => k.PublicKeyPem).HasMaxLength(1000);
        key.Property(k => k.PrivateKeyPem).HasMaxLength(4000);
        key.HasIndex(k => new { k.Kind, k.OwnerId }).IsUnique();
    }
}
