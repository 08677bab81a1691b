using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation.Inbox;

/// <summary>Which fediverse reaction a <see cref="RemoteReaction"/> is.</summary>
public enum RemoteReactionType
{
    Like,
    Announce,
}

/// <summary>A remote actor's Like (a favourite) or Announce (a boost) of a story, at most one of each per actor and story.</summary>
public sealed class RemoteReaction
{
    public long Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public int RemoteActorId { get; set; }
    public RemoteActor RemoteActor { get; set; } = null!;
    public RemoteReactionType Type { get; set; }

    /// <summary>The id of the Like or Announce, which an Undo names.</summary>
    public required string ActivityId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class RemoteReactionConfiguration : IEntityTypeConfiguration<RemoteReaction>
{
    public void Configure(EntityTypeBuilder<RemoteReaction> reaction)
    {
        reaction.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        reaction.Property(r => r.ActivityId).HasMaxLength(2000);
        reaction.HasOne(r => r.Story).WithMany().OnDelete(DeleteBehavior.Cascade);
        reaction.HasOne(r => r.RemoteActor).WithMany().OnDelete(DeleteBehavior.Cascade);
        reaction.HasIndex(r => new { r.StoryId, r.RemoteActorId, r.Type }).IsUnique();
        reaction.HasIndex(r => r.RemoteActorId);
    }
}
