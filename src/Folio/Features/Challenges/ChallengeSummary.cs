namespace Folio.Features.Challenges;

/// <summary>A challenge as lists and the feed show it.</summary>
public sealed record ChallengeSummary(
    int Id, string Slug, string Title, string PromptHtml, string? HeroImageUrl, string? HeroAltText, string? CommunityName, string? CommunitySlug,
    DateTime OpensAt, DateTime ClosesAt, DateTime? ResultsPublishedAt, DateTime UpdatedAt, DateTime CreatedAt)
{
    public ChallengePhase PhaseAt(DateTime now) => Challenge.PhaseOf(OpensAt, ClosesAt, ResultsPublishedAt, now);
}
