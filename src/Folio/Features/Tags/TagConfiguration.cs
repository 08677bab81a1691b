using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.Property(t => t.Slug).HasMaxLength(40);
        tag.Property(t => t.Name).HasMaxLength(40);
    }
}
