using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Federation.Inbox;

/// <summary>The id of an activity an inbox accepted, kept for a few days so that the same activity replayed changes nothing.</summary>
public sealed class ReceivedActivity
{
    public long Id { get; private set; }
    public required string ActivityId { get; set; }

    /// <summary>The sending actor's host, for an operator wondering who sends what.</summary>
    public required string ActorHost { get; set; }

    public DateTime ReceivedAt { get; set; }
}

internal sealed class ReceivedActivityConfiguration : IEntityTypeConfiguration<ReceivedActivity>
{
    public void Configure(EntityTypeBuilder<ReceivedActivity> activity)
    {
        activity.Property(a => a.ActivityId).HasMaxLength(2000);
        activity.Property(a => a.ActorHost).HasMaxLength(255);
        activity.HasIndex(a => a.ActivityId).IsUnique();
        activity.HasIndex(a => a.ReceivedAt);
    }
}
