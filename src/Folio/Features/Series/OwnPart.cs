using Folio.Features.Stories;

namespace Folio.Features.Series;

/// <summary>A part as its creator manages it: drafts and stories in review too.</summary>
public sealed record OwnPart(int StoryId, string Title, StoryStatus Status);
