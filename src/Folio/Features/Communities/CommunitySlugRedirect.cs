namespace Folio.Features.Communities;

/// <summary>A slug a community gave up; /{old}/... keeps answering with a permanent redirect to the same path under the new slug.</summary>
public sealed class CommunitySlugRedirect
{
    public int Id { get; private set; }
    public required string OldSlug { get; set; }
    public int CommunityId { get; set; }
    public Community Community { get; set; } = null!;
    public DateTime ChangedAt { get; set; }
}
