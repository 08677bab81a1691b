using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.SiteAdmin;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<StoredSiteSettings>, IEntityTypeConfiguration<SiteImage>, IEntityTypeConfiguration<SiteInvite>
{
    public void Configure(EntityTypeBuilder<StoredSiteSettings> settings)
    {
        settings.ToTable("SiteSettings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Name).HasMaxLength(SiteSettingsInput.MaxNameLength);
        settings.Property(s => s.Description).HasMaxLength(SiteSettingsInput.MaxDescriptionLength);
        settings.Property(s => s.AccentColour).HasMaxLength(7);
        settings.Property(s => s.SignUpMode).HasConversion<string>().HasMaxLength(20);
        settings.Property(s => s.Version).HasMaxLength(40);
        settings.Property(s => s.SenderName).HasMaxLength(SiteSettingsInput.MaxSenderNameLength);
        settings.Property(s => s.SenderAddress).HasMaxLength(254);
        settings.Property(s => s.WeeklyDigestDay).HasConversion<string>().HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<SiteImage> image)
    {
        image.HasKey(i => i.Name);
        image.Property(i => i.Name).HasMaxLength(20);
        image.Property(i => i.Version).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<SiteInvite> invite)
    {
        invite.Property(i => i.TokenHash).HasMaxLength(64);
        invite.Property(i => i.Note).HasMaxLength(SiteInviteInput.MaxNoteLength);
        invite.Property(i => i.CreatedById).HasMaxLength(450);
        invite.Property(i => i.UsedById).HasMaxLength(450);
        invite.HasIndex(i => i.TokenHash).IsUnique();
        invite.HasIndex(i => i.CreatedAt);
    }
}
