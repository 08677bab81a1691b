using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> community)
    {
        community.HasIndex(c => c.Slug).IsUnique();
        community.Property(c => c.Slug).HasMaxLength(60);
        community.Property(c => c.Name).HasMaxLength(80);
        community.Property(c => c.Tagline).HasMaxLength(160);
        community.Property(c => c.Description).HasMaxLength(2000);
        community.Property(c => c.AccentColor).HasMaxLength(7);
        community.Property(c => c.LogoUrl).HasMaxLength(500);
    }
}
