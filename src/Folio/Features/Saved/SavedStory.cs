using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Saved;

/// <summary>A story a reader keeps to read later. Private: only the reader ever sees it, and nothing counts them.</summary>
public sealed class SavedStory
{
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public DateTime SavedAt { get; set; }
}
