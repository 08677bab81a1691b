namespace Folio.Features.Challenges;

/// <summary>
/// One thing judges score an entry on ("Fit to the prompt"), with its weight in percent; a challenge's weights add up
/// to 100, and an entry's result is the weighted mean of its scores.
/// </summary>
public sealed class ChallengeCriterion
{
    public int Id { get; private set; }
    public int ChallengeId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; }
    public int Position { get; set; }
}
