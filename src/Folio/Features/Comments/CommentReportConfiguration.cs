using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Comments;

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> report)
    {
        report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        report.Property(r => r.Resolution).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Details).HasMaxLength(2000);
        report.Property(r => r.ResolvedById).HasMaxLength(450);
        report.HasOne(r => r.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.Reporter).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => new { r.ResolvedAt, r.ReportedAt });
        report.HasIndex(r => r.RemoteActorId);
    }
}
