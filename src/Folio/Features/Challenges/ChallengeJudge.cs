using Folio.Features.Creators;

namespace Folio.Features.Challenges;

/// <summary>An account that judges a challenge; the lead judge also picks the winners and publishes the results.</summary>
public sealed class ChallengeJudge
{
    public int ChallengeId { get; set; }
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public bool IsLead { get; set; }
}
