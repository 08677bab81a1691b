using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Saved;

internal sealed class SavedStoryConfiguration : IEntityTypeConfiguration<SavedStory>
{
    public void Configure(EntityTypeBuilder<SavedStory> saved)
    {
        // The key answers "has this reader saved this story" (the story page, each card); the index reads a reader's
        // list newest first, a page at a time, without sorting their whole list.
        saved.HasKey(s => new { s.UserId, s.StoryId });
        saved.HasIndex(s => new { s.UserId, s.SavedAt, s.StoryId });
        saved.HasIndex(s => s.StoryId);
        saved.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        saved.HasOne(s => s.Story).WithMany().HasForeignKey(s => s.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
