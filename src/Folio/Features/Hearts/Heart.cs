using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Hearts;

public sealed class Heart
{
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string ReaderId { get; set; }
    public FolioUser Reader { get; set; } = null!;
    public DateTime GivenAt { get; set; }
}
