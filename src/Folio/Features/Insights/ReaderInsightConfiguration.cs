using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Insights;

internal sealed class ReaderInsightConfiguration : IEntityTypeConfiguration<ReaderInsight>
{
    public void Configure(EntityTypeBuilder<ReaderInsight> insight)
    {
        insight.Property(i => i.Quality).HasConversion<string>().HasMaxLength(40);
        insight.HasIndex(i => new { i.StoryId, i.ReaderId, i.Quality }).IsUnique();
        insight.HasOne(i => i.Story).WithMany(s => s.Insights).OnDelete(DeleteBehavior.Cascade);
        insight.HasOne(i => i.Reader).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
