namespace Folio.Features.Challenges.Awards;

/// <summary>A place a story took in a challenge whose results are out, as its badge shows it: "Winner of Small Hours".</summary>
public sealed record ChallengeAward(int StoryId, string StoryTitle, string StoryPath, string ChallengeTitle, string ChallengeSlug, ChallengePlacement Placement)
{
    public string Text => Wording(Placement, ChallengeTitle);

    public string ChallengePath => $"/challenges/{ChallengeSlug}";

    public static string Wording(ChallengePlacement placement, string challengeTitle) => placement switch
    {
        ChallengePlacement.Winner => $"Winner of {challengeTitle}",
        ChallengePlacement.Second => $"Second place in {challengeTitle}",
        ChallengePlacement.Third => $"Third place in {challengeTitle}",
        _ => $"Runner-up in {challengeTitle}",
    };

    /// <summary>What the story did, after its title: "won Small Hours", "took second place in Small Hours".</summary>
    public static string Took(ChallengePlacement placement, string challengeTitle) => placement switch
    {
        ChallengePlacement.Winner => $"won {challengeTitle}",
        ChallengePlacement.Second => $"took second place in {challengeTitle}",
        ChallengePlacement.Third => $"took third place in {challengeTitle}",
        _ => $"is a runner-up in {challengeTitle}",
    };
}
