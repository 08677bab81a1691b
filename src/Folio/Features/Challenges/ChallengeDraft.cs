namespace Folio.Features.Challenges;

/// <summary>One judging criterion as an editor set it: its name and its weight in whole percent.</summary>
public sealed record CriterionDraft(string Name, int Weight);

/// <summary>
/// A challenge as an editor wants it, already read from the form (times in UTC, tags normalised); <see cref="ChallengeChanges"/>
/// checks what needs the database (a free slug, judges who exist, the community) and saves it.
/// </summary>
public sealed record ChallengeDraft
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string PromptMarkdown { get; init; }
    public string? HeroImageUrl { get; init; }
    public string? HeroAltText { get; init; }
    public int? CommunityId { get; init; }
    public DateTime OpensAt { get; init; }
    public DateTime ClosesAt { get; init; }
    public int? MinWords { get; init; }
    public int? MaxWords { get; init; }
    public IReadOnlyList<string> RequiredTags { get; init; } = [];
    public int EntriesPerCreator { get; init; } = 1;
    public string? EntrantRole { get; init; }
    public bool EntriesVisibleBeforeClose { get; init; }
    public int JudgesPerEntry { get; init; } = 1;
    public bool BlindJudging { get; init; }
    public IReadOnlyList<CriterionDraft> Criteria { get; init; } = [];
    public string? FirstPrize { get; init; }
    public string? SecondPrize { get; init; }
    public string? ThirdPrize { get; init; }
    public int RunnersUp { get; init; }
    public string? RunnerUpPrize { get; init; }

    /// <summary>The judges' usernames, as typed; the lead is one of them.</summary>
    public IReadOnlyList<string> Judges { get; init; } = [];

    public required string LeadJudge { get; init; }
}
