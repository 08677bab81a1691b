using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Insights;

internal sealed class ReaderImpressionConfiguration : IEntityTypeConfiguration<ReaderImpression>
{
    public void Configure(EntityTypeBuilder<ReaderImpression> impression)
    {
        impression.Property(i => i.Impression).HasConversion<string>().HasMaxLength(20);
        impression.HasIndex(i => new { i.StoryId, i.ReaderId }).IsUnique();
        impression.HasOne(i => i.Story).WithMany().OnDelete(DeleteBehavior.Cascade);
        impression.HasOne(i => i.Reader).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
