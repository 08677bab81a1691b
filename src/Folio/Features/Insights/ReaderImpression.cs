using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Insights;

/// <summary>One per reader and story; changing it replaces it.</summary>
public sealed class ReaderImpression
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string ReaderId { get; set; }
    public FolioUser Reader { get; set; } = null!;
    public Impression Impression { get; set; }
    public DateTime GivenAt { get; set; }
}
