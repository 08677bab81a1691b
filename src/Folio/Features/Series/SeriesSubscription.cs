using Folio.Features.Creators;

namespace Folio.Features.Series;

/// <summary>A reader subscribed to a series: each new part published reaches their notifications, and their inbox if they chose.</summary>
public sealed class SeriesSubscription
{
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public int SeriesId { get; set; }
    public StorySeries Series { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}
