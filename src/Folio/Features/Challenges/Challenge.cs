using Folio.Features.Communities;

namespace Folio.Features.Challenges;

/// <summary>
/// A writing contest: a prompt, a window in which creators enter stories, rules every entry keeps, and judges who score
/// the entries against weighted criteria after it closes. Its phase follows from its times and its results
/// (<see cref="PhaseAt"/>), so nothing has to flip it when it opens or closes.
/// </summary>
public sealed class Challenge
{
    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>What to write about, in Markdown; <see cref="PromptHtml"/> is it rendered and sanitised once, on save.</summary>
    public required string PromptMarkdown { get; set; }

    public required string PromptHtml { get; set; }

    public string? HeroImageUrl { get; set; }
    public string? HeroAltText { get; set; }

    /// <summary>The community the challenge belongs to; null for a site-wide challenge.</summary>
    public int? CommunityId { get; set; }

    public Community? Community { get; set; }

    /// <summary>When entries open and close, in UTC; pages show them in the reader's time zone.</summary>
    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public int? MinWords { get; set; }
    public int? MaxWords { get; set; }

    /// <summary>Tag names (normalised as tags are) that every entry must carry.</summary>
    public List<string> RequiredTags { get; set; } = [];

    /// <summary>How many entries one creator may have in the challenge at once.</summary>
    public int EntriesPerCreator { get; set; } = 1;

    /// <summary>The role an entrant must have (a role name such as "creator"); null lets every signed-in member enter.</summary>
    public string? EntrantRole { get; set; }

    /// <summary>Entries are published as they are approved instead of waiting, unseen, until the challenge closes.</summary>
    public bool EntriesVisibleBeforeClose { get; set; }

    /// <summary>How many judges read and score each entry.</summary>
    public int JudgesPerEntry { get; set; } = 1;

    /// <summary>Judges see entries without their authors' names.</summary>
    public bool BlindJudging { get; set; }

    public string? FirstPrize { get; set; }
    public string? SecondPrize { get; set; }
    public string? ThirdPrize { get; set; }
    public int RunnersUp { get; set; }
    public string? RunnerUpPrize { get; set; }

    /// <summary>When the lead judge published the winners; the challenge is over from then on.</summary>
    public DateTime? ResultsPublishedAt { get; set; }

    /// <summary>
    /// When challenge.opened and challenge.closed went out; set by the one node whose claim wins, in the transaction
    /// that queues the deliveries, so each is sent once (<see cref="ChallengeAnnouncements"/>).
    /// </summary>
    public DateTime? OpenedAnnouncedAt { get; set; }

    public DateTime? ClosedAnnouncedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<ChallengeCriterion> Criteria { get; set; } = [];
    public List<ChallengeJudge> Judges { get; set; } = [];
    public List<ChallengeEntry> Entries { get; set; } = [];

    public ChallengePhase PhaseAt(DateTime now) => PhaseOf(OpensAt, ClosesAt, ResultsPublishedAt, now);

    /// <summary>The phase from the three times alone, for lists that read only those columns.</summary>
    public static ChallengePhase PhaseOf(DateTime opensAt, DateTime closesAt, DateTime? resultsPublishedAt, DateTime now) =>
        resultsPublishedAt is not null ? ChallengePhase.Closed
        : now < opensAt ? ChallengePhase.Upcoming
        : now < closesAt ? ChallengePhase.Open
        : ChallengePhase.Judging;
}

/// <summary>Where a challenge is in its life: not open yet, taking entries, being judged, or over with its winners.</summary>
public enum ChallengePhase
{
    Upcoming,
    Open,
    Judging,
    Closed,
}
