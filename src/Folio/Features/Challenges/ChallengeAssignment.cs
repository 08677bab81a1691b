namespace Folio.Features.Challenges;

/// <summary>
/// One judge's reading of one entry: assigned when the challenge closes, so every entry is read by at least one judge,
/// and completed when the judge has scored every criterion. The note is the judge's private word to the author.
/// </summary>
public sealed class ChallengeAssignment
{
    public int Id { get; private set; }
    public int EntryId { get; set; }
    public ChallengeEntry Entry { get; set; } = null!;
    public required string JudgeId { get; set; }
    public string? NoteToAuthor { get; set; }
    public DateTime? ScoredAt { get; set; }
}

/// <summary>A judge's score (1 to 10) for one entry on one criterion.</summary>
public sealed class ChallengeScore
{
    public const int Lowest = 1;
    public const int Highest = 10;

    public int Id { get; private set; }
    public int EntryId { get; set; }
    public required string JudgeId { get; set; }
    public int CriterionId { get; set; }
    public int Score { get; set; }
}
