using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Caching;

internal sealed class CacheEvictionConfiguration : IEntityTypeConfiguration<CacheEviction>
{
    // The key is AUTOINCREMENT on SQLite and an identity on PostgreSQL: an id is never handed out twice, even after
    // every row is pruned, so a server that has read up to an id never takes a new row for one it has read.
    public void Configure(EntityTypeBuilder<CacheEviction> eviction) => eviction.HasIndex(e => e.CreatedAt);
}
