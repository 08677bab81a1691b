using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Challenges;

/// <summary>
/// A story entered into a challenge. The story is a story like any other and goes through the one story workflow; this
/// row says which challenge it is in and, once the results are out, where it placed and why.
/// </summary>
public sealed class ChallengeEntry
{
    public int Id { get; private set; }
    public int ChallengeId { get; set; }
    public Challenge Challenge { get; set; } = null!;
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string AuthorId { get; set; }
    public FolioUser Author { get; set; } = null!;
    public DateTime EnteredAt { get; set; }

    /// <summary>Set from the results: first, second, third or runner-up; null for every other entry.</summary>
    public ChallengePlacement? Placement { get; set; }

    /// <summary>The lead judge's public words on why the entry placed.</summary>
    public string? PlacementNote { get; set; }

    public List<ChallengeScore> Scores { get; set; } = [];
    public List<ChallengeAssignment> Assignments { get; set; } = [];
}

public enum ChallengePlacement
{
    Winner,
    Second,
    Third,
    RunnerUp,
}
