using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.ActorName).HasMaxLength(120);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.SubjectType).HasMaxLength(20);
        entry.Property(e => e.SubjectId).HasMaxLength(450);
        entry.Property(e => e.Summary).HasMaxLength(500);

        // The log is read newest first, whole or narrowed to one actor, one action or one subject.
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.ActorId, e.Id });
        entry.HasIndex(e => new { e.Action, e.Id });
        entry.HasIndex(e => new { e.SubjectType, e.SubjectId, e.Id });
    }
}
