using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation.Blocks;

internal sealed class FederationBlockConfiguration : IEntityTypeConfiguration<FederationBlock>
{
    public const int ReasonLength = 500;

    public void Configure(EntityTypeBuilder<FederationBlock> block)
    {
        block.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        block.Property(b => b.Value).HasMaxLength(2000);
        block.Property(b => b.Reason).HasMaxLength(ReasonLength);
        block.Property(b => b.CreatedById).HasMaxLength(450);
        block.HasIndex(b => new { b.Kind, b.Value }).IsUnique();
    }
}
