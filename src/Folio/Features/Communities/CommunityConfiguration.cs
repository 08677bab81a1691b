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
        community.Property(c => c.Rules).HasMaxLength(CommunityRules.RulesMaxLength);
        community.Ignore(c => c.IsArchived);
    }
}

internal sealed class CommunitySlugRedirectConfiguration : IEntityTypeConfiguration<CommunitySlugRedirect>
{
    public void Configure(EntityTypeBuilder<CommunitySlugRedirect> redirect)
    {
        redirect.Property(r => r.OldSlug).HasMaxLength(CommunitySlugRules.MaxLength);
        redirect.HasIndex(r => r.OldSlug).IsUnique();
        redirect.HasOne(r => r.Community).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
