using Folio.Features.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Stories;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.Property(s => s.Title).HasMaxLength(120);
        story.Property(s => s.Subtitle).HasMaxLength(200);
        story.Property(s => s.Slug).HasMaxLength(100);
        story.Property(s => s.HeroImageUrl).HasMaxLength(500);
        story.Property(s => s.HeroAltText).HasMaxLength(HeroText.MaxAltText);
        story.Property(s => s.HeroCaption).HasMaxLength(HeroText.MaxCaption);
        story.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        story.Property(s => s.WarningNote).HasMaxLength(StoryLabels.MaxWarningNote);
        story.Property(s => s.LabelsCorrectionReason).HasMaxLength(StoryLabels.MaxCorrectionReason);
        story.HasIndex(s => new { s.CommunityId, s.Slug }).IsUnique();
        // UpdatedAt rides along so the sitemap index's last-modified time of each part is read from the index alone:
        // read from the rows, it walked every published story's bodies (0.6 s at 100,000 stories).
        story.HasIndex(s => new { s.Status, s.PublishedAt, s.UpdatedAt });
        // A sitemap part's dates, a range of ids (see Sitemap).
        story.HasIndex(s => new { s.Status, s.Id, s.PublishedAt, s.UpdatedAt });
        // A creator's and a community's stories, newest first: each list pages through its own stories only. The
        // creator's carries the community, so the profile's community filter counts from the index alone: counted
        // from the rows, it read each of a prolific creator's 3,000 stories on every uncached request.
        story.HasIndex(s => new { s.AuthorId, s.Status, s.PublishedAt, s.CommunityId });
        story.HasIndex(s => new { s.CommunityId, s.Status, s.PublishedAt });
        story.HasIndex(s => new { s.Status, s.SubmittedAt });
        // Top stories newest pick first, counted from the index alone: PublishedAt sits behind the bodies, so counting from
        // the rows walked each pick's body (16 ms of every uncached /top and /explore at a million stories, 2,000 picks).
        story.HasIndex(s => new { s.Status, s.TopStoryAt, s.Id, s.PublishedAt });
        // A profile's and a community's pins, at most three each, read straight from these (Features/Pins).
        story.HasIndex(s => new { s.AuthorId, s.ProfilePinnedAt });
        story.HasIndex(s => new { s.CommunityId, s.CommunityPinnedAt });
        story.Property(s => s.ImportKey).HasMaxLength(300);
        story.HasIndex(s => s.ImportKey).IsUnique();
        story.Property(s => s.TopStoryNote).HasMaxLength(280);
        story.Property(s => s.TopStoryById).HasMaxLength(450);
        story.HasOne(s => s.Community).WithMany().OnDelete(DeleteBehavior.Restrict);
        story.HasOne(s => s.Author).WithMany().OnDelete(DeleteBehavior.Cascade);
        // Deleting a series keeps its stories; a series' parts are read in order from this index.
        story.HasOne(s => s.Series).WithMany().OnDelete(DeleteBehavior.SetNull);
        story.HasIndex(s => new { s.SeriesId, s.SeriesPosition });
        // The key leads with the story (a story's tags); a tag's stories are found through the second index, which
        // holds both ids so the join never reads the table.
        story.HasMany(s => s.Tags).WithMany(t => t.Stories).UsingEntity(StoryTagRows.EntityName,
            join => join.HasIndex(StoryTagRows.TagKey, StoryTagRows.StoryKey));
    }
}
