using Folio.Features.Creators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.People;

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> record)
    {
        record.Property(r => r.Address).HasMaxLength(64);
        record.Property(r => r.UserAgent).HasMaxLength(SignInHistory.UserAgentLength);
        record.HasOne<FolioUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // Read (and trimmed) newest first, per account.
        record.HasIndex(r => new { r.UserId, r.Id });
    }
}
