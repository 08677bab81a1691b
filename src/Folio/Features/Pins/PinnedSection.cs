using Folio.Features.Stories;

namespace Folio.Features.Pins;

/// <summary>
/// The pinned stories at the top of a profile or community page. The page's own cards come too, so the cards' marks
/// (saved, awards) are asked for once for all of them.
/// </summary>
public sealed record PinnedSection(IReadOnlyList<StoryCard> Pinned, IReadOnlyList<StoryCard> Listed, string Heading);
