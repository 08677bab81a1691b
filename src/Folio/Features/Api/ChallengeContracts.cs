using Folio.Features.Challenges;

namespace Folio.Features.Api;

/// <summary>A challenge as lists show it; fetch <c>/api/v1/challenges/{slug}</c> for its prompt, rules, judges and results.</summary>
public sealed record ApiChallengeSummary(
    string Slug, string Title, string Url, string? Community, DateTime OpensAt, DateTime ClosesAt, ChallengePhase Phase, int EntryCount);

/// <summary>
/// A writing challenge at `url`. Times are UTC. `phase` follows from them: "upcoming", "open" (taking entries), "judging"
/// (closed, being judged) or "closed" (results published). `entriesVisible` says whether `/entries` lists its entries
/// now: after it closes, or while open when the challenge shows entries as they come. `results` is empty until the lead
/// judge publishes them.
/// </summary>
public sealed record ApiChallenge(
    string Slug,
    string Title,
    string Url,
    string? Community,
    string Prompt,
    string PromptHtml,
    string? HeroImageUrl,
    string? HeroAltText,
    DateTime OpensAt,
    DateTime ClosesAt,
    ChallengePhase Phase,
    ApiChallengeRules Rules,
    IReadOnlyList<ApiCriterion> Criteria,
    ApiPrizes Prizes,
    IReadOnlyList<ApiJudge> Judges,
    int JudgesPerEntry,
    bool BlindJudging,
    int EntryCount,
    bool EntriesVisible,
    DateTime? ResultsPublishedAt,
    IReadOnlyList<ApiPlacement> Results);

/// <summary>What every entry keeps: words (null: no limit), tags it carries, entries per creator, and the role an entrant needs (null: any member).</summary>
public sealed record ApiChallengeRules(
    int? MinWords, int? MaxWords, IReadOnlyList<string> RequiredTags, int EntriesPerCreator, string? EntrantRole, bool EntriesVisibleBeforeClose,
    IReadOnlyList<string> Summary);

/// <summary>A criterion judges score, with its weight in whole percent; a challenge's weights add up to 100.</summary>
public sealed record ApiCriterion(string Name, int Weight);

public sealed record ApiPrizes(string? First, string? Second, string? Third, int RunnersUp, string? RunnerUp);

public sealed record ApiJudge(string Username, string Name, bool Lead);

/// <summary>A placed entry: "winner", "second", "third" or "runner-up", with the lead judge's public note.</summary>
public sealed record ApiPlacement(ChallengePlacement Place, int EntryId, ApiEntryStory Story, StoryAuthorResponse Author, string? Note);

public sealed record ApiEntryStory(int Id, string Title, string Url);

/// <summary>An entry as the challenge's page lists it: the published story, and its place once results are out.</summary>
public sealed record ApiChallengeEntry(int Id, StorySummary Story, ChallengePlacement? Placement, string? PlacementNote);

/// <summary>Your entry: the story entered, and when.</summary>
public sealed record ApiMyEntry(int Id, string Challenge, int StoryId, DateTime EnteredAt);

/// <summary>Enter one of your stories, by its id.</summary>
public sealed record EnterChallengeRequest(int? StoryId);

/// <summary>A criterion to score, with its weight in whole percent.</summary>
public sealed record ApiCriterionRequest(string? Name, int? Weight);

/// <summary>
/// A challenge to create, or changes to one: creating needs `title`, `prompt`, `opensAt`, `closesAt`, `criteria` and
/// `judges`; changing, only what changes (a field left out or null stays as it is). Times are ISO 8601 with `Z` or an
/// offset. `community` is a community's slug ("" for site-wide). `criteria` and `judges` replace the whole list.
/// </summary>
public sealed record ChallengeRequest(
    string? Slug,
    string? Title,
    string? Prompt,
    string? HeroAltText,
    string? Community,
    string? OpensAt,
    string? ClosesAt,
    int? MinWords,
    int? MaxWords,
    IReadOnlyList<string>? RequiredTags,
    int? EntriesPerCreator,
    string? EntrantRole,
    bool? EntriesVisibleBeforeClose,
    int? JudgesPerEntry,
    bool? BlindJudging,
    IReadOnlyList<ApiCriterionRequest>? Criteria,
    string? FirstPrize,
    string? SecondPrize,
    string? ThirdPrize,
    int? RunnersUp,
    string? RunnerUpPrize,
    IReadOnlyList<string>? Judges,
    string? LeadJudge);
