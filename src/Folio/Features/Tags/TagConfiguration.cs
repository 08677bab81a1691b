using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasIndex(t => t.Slug).IsUnique();

        // Popular tags first, without counting: suggestions and filters read the top of this index.
        tag.HasIndex(t => new { t.StoryCount, t.Name });
        tag.Property(t => t.Slug).HasMaxLength(40);
        tag.Property(t => t.Name).HasMaxLength(40);
    }
}
