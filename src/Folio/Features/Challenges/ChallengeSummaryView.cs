namespace Folio.Features.Challenges;

/// <summary>One challenge in a list, with its phase and the zone its times are shown in.</summary>
public sealed record ChallengeSummaryView(ChallengeSummary Challenge, ChallengePhase Phase, TimeZoneInfo Zone);
