using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Series;

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<StorySeries>
{
    public void Configure(EntityTypeBuilder<StorySeries> series)
    {
        series.ToTable("Series");
        series.Property(s => s.Title).HasMaxLength(SeriesRules.MaxTitle);
        series.Property(s => s.Slug).HasMaxLength(SeriesRules.MaxSlug);
        series.Property(s => s.Description).HasMaxLength(SeriesRules.MaxDescription);
        series.Property(s => s.CoverImageUrl).HasMaxLength(500);
        series.Property(s => s.CoverAltText).HasMaxLength(SeriesRules.MaxCoverAlt);
        series.HasIndex(s => new { s.AuthorId, s.Slug }).IsUnique();
        series.HasOne(s => s.Author).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeriesSubscriptionConfiguration : IEntityTypeConfiguration<SeriesSubscription>
{
    public void Configure(EntityTypeBuilder<SeriesSubscription> subscription)
    {
        subscription.HasKey(s => new { s.UserId, s.SeriesId });
        subscription.HasOne(s => s.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        subscription.HasOne(s => s.Series).WithMany().OnDelete(DeleteBehavior.Cascade);
        // The fan-out pages through one series' subscribers by user id.
        subscription.HasIndex(s => new { s.SeriesId, s.UserId });
    }
}
