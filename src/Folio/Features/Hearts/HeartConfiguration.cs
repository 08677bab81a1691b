using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Hearts;

internal sealed class HeartConfiguration : IEntityTypeConfiguration<Heart>
{
    public void Configure(EntityTypeBuilder<Heart> heart)
    {
        heart.HasKey(h => new { h.StoryId, h.ReaderId });
        heart.HasOne(h => h.Story).WithMany(s => s.Hearts).OnDelete(DeleteBehavior.Cascade);
        heart.HasOne(h => h.Reader).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
