using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.Body).HasMaxLength(10_000);
        comment.HasOne(c => c.Story).WithMany(s => s.Comments).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Author).WithMany().OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Parent).WithMany().OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new { c.StoryId, c.CreatedAt });
        comment.Property(c => c.RemovedById).HasMaxLength(450);
    }
}
