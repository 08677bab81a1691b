using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Moderation;

internal sealed class StoryReviewConfiguration : IEntityTypeConfiguration<StoryReview>
{
    public void Configure(EntityTypeBuilder<StoryReview> review)
    {
        review.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.Reasons).HasMaxLength(300);
        review.Property(r => r.Note).HasMaxLength(2000);
        review.Property(r => r.Title).HasMaxLength(120);
        review.Property(r => r.Subtitle).HasMaxLength(200);
        review.Property(r => r.TagNames).HasMaxLength(StoryTagNames.MaxLength);
        review.Property(r => r.HeroImageUrl).HasMaxLength(500);
        review.HasOne(r => r.Story).WithMany().OnDelete(DeleteBehavior.Cascade);
        review.HasOne(r => r.Moderator).WithMany().OnDelete(DeleteBehavior.Restrict);
        review.HasIndex(r => new { r.StoryId, r.DecidedAt });
    }
}

internal sealed class StoryReportConfiguration : IEntityTypeConfiguration<StoryReport>
{
    public void Configure(EntityTypeBuilder<StoryReport> report)
    {
        report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        report.Property(r => r.Resolution).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Details).HasMaxLength(2000);
        report.Property(r => r.ResolvedById).HasMaxLength(450);
        report.HasOne(r => r.Story).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.Reporter).WithMany().OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => new { r.ResolvedAt, r.ReportedAt });

        // No foreign key: SQLite would rebuild the table to add one. A report outlives the remote actor it names.
        report.HasIndex(r => r.RemoteActorId);
    }
}
