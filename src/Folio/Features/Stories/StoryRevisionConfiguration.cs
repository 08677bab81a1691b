using Folio.Features.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Stories;

internal sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> revision)
    {
        revision.Property(r => r.Title).HasMaxLength(120);
        revision.Property(r => r.Subtitle).HasMaxLength(200);
        revision.Property(r => r.TagNames).HasMaxLength(StoryTagNames.MaxLength);
        revision.Property(r => r.HeroImageUrl).HasMaxLength(500);
        revision.Property(r => r.HeroAltText).HasMaxLength(HeroText.MaxAltText);
        revision.Property(r => r.HeroCaption).HasMaxLength(HeroText.MaxCaption);
        revision.Property(r => r.WarningNote).HasMaxLength(StoryLabels.MaxWarningNote);
        revision.Ignore(r => r.Labels);
        revision.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        revision.HasOne(r => r.Story).WithOne(s => s.Revision).HasForeignKey<StoryRevision>(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => r.StoryId).IsUnique();
        revision.HasIndex(r => new { r.Status, r.SubmittedAt });
    }
}
