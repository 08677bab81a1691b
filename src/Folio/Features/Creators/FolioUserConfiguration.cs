using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Creators;

internal sealed class FolioUserConfiguration : IEntityTypeConfiguration<FolioUser>
{
    public void Configure(EntityTypeBuilder<FolioUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(80);
        user.Property(u => u.Bio).HasMaxLength(1000);
        user.Property(u => u.AvatarUrl).HasMaxLength(500);
        user.Property(u => u.SuspensionReason).HasMaxLength(500);
        user.Property(u => u.TimeZone).HasMaxLength(64);
        user.Property(u => u.LastEmailFailure).HasMaxLength(500);
        // A digest pass reads, per time zone, only the readers not done since their digest was last due (DigestPass).
        user.HasIndex(u => new { u.TimeZone, u.DailyDigestThrough });
        user.HasIndex(u => new { u.TimeZone, u.WeeklyDigestThrough });
        user.OwnsMany(u => u.Links, link =>
        {
            link.ToTable("UserLinks");
            link.WithOwner().HasForeignKey("UserId");
            link.Property<int>("Id");
            link.HasKey("Id");
            link.Property(l => l.Label).HasMaxLength(40);
            link.Property(l => l.Url).HasMaxLength(500);
        });
    }
}
