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
        comment.HasIndex(c => c.RemoteActorId);
        comment.Property(c => c.RemoteNoteId).HasMaxLength(2000);
        comment.Property(c => c.RemoteUrl).HasMaxLength(2000);
        comment.HasIndex(c => c.RemoteNoteId).IsUnique();
        comment.Ignore(c => c.IsRemote);
    }
}
