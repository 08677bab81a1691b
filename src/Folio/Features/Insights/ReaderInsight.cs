using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Insights;

public sealed class ReaderInsight
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string ReaderId { get; set; }
    public FolioUser Reader { get; set; } = null!;
    public InsightQuality Quality { get; set; }
    public DateTime GivenAt { get; set; }
}
