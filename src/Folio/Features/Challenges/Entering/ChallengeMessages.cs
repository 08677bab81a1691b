namespace Folio.Features.Challenges.Entering;

/// <summary>What entering, holding and withdrawing say to an author, kept together.</summary>
public static class ChallengeMessages
{
    public const string AlreadyPublished = "A story that has been published can’t be entered in a challenge: challenges take new stories.";

    public static string TooLateToWithdraw(Challenge challenge, TimeZoneInfo zone) =>
        $"“{challenge.Title}” closed on {ChallengeTimes.Format(challenge.ClosesAt, zone)}; entries can no longer be withdrawn.";

    public static string Held(Challenge challenge, TimeZoneInfo zone) =>
        $"Entered in “{challenge.Title}”: readers see it when the challenge closes on {ChallengeTimes.Format(challenge.ClosesAt, zone)}.";
}
