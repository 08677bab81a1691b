using Folio.Shared;

namespace Folio.Features.Tags;

public static class TagSlug
{
    public const int MaxLength = 40;

    /// <summary>"Slow Living", "slow living" and "SLOW-LIVING" all name the tag "slow-living".</summary>
    public static string From(string name) => Slug.From(name, MaxLength);
}
