using Folio.Features.Stories;

namespace Folio.Features.Reads;

/// <summary>How many reads a story had on one UTC day. Only counts are kept: no visitor, cookie or address.</summary>
public sealed class StoryReadDay
{
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public DateOnly Day { get; set; }
    public int Reads { get; set; }
}
