using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Reads;

internal sealed class StoryReadDayConfiguration : IEntityTypeConfiguration<StoryReadDay>
{
    public void Configure(EntityTypeBuilder<StoryReadDay> day)
    {
        day.HasKey(d => new { d.StoryId, d.Day });
        day.HasOne(d => d.Story).WithMany().OnDelete(DeleteBehavior.Cascade);
        day.HasIndex(d => d.Day);
    }
}
