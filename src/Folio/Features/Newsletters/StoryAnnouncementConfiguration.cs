using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Newsletters;

internal sealed class StoryAnnouncementConfiguration : IEntityTypeConfiguration<StoryAnnouncement>
{
    public void Configure(EntityTypeBuilder<StoryAnnouncement> announcement)
    {
        announcement.Property(a => a.SiteOrigin).HasMaxLength(300);
        announcement.Property(a => a.LastError).HasMaxLength(2000);

        // A deleted story takes its announcement with it: nothing more is sent about it.
        announcement.HasOne(a => a.Story).WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        announcement.HasIndex(a => new { a.DoneAt, a.NextAttemptAt });
        announcement.HasIndex(a => a.StoryId);
    }
}
