namespace Folio.Features.Challenges;

/// <summary>The words a reader sees for each <see cref="ChallengePhase"/>.</summary>
public static class ChallengePhases
{
    public static string Label(ChallengePhase phase) => phase switch
    {
        ChallengePhase.Upcoming => "Upcoming",
        ChallengePhase.Open => "Open",
        ChallengePhase.Judging => "Judging",
        _ => "Closed",
    };
}
