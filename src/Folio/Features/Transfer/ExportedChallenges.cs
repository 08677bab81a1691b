namespace Folio.Features.Transfer;

// Challenges are absent from exports made before them; an entry, its assignments and scores name their challenge,
// story and criterion by their id in the file, and people by username.
public sealed record ExportedCriterion(int Id, string Name, int Weight, int Position = 0, string? Description = null);

public sealed record ExportedJudge(string Username, bool Lead = false);

public sealed record ExportedPrizes(string? First = null, string? Second = null, string? Third = null, int RunnersUp = 0, string? RunnerUp = null);

public sealed record ExportedChallenge(int Id, string Slug, string Title, string PromptMarkdown, DateTime OpensAt, DateTime ClosesAt, DateTime CreatedAt,
    DateTime UpdatedAt, string? Community = null, string? HeroImageUrl = null, string? HeroAltText = null, int? MinWords = null, int? MaxWords = null,
    List<string>? RequiredTags = null, int EntriesPerCreator = 1, string? EntrantRole = null, bool EntriesVisibleBeforeClose = false, int JudgesPerEntry = 1,
    bool BlindJudging = false, ExportedPrizes? Prizes = null, DateTime? ResultsPublishedAt = null, DateTime? OpenedAnnouncedAt = null,
    DateTime? ClosedAnnouncedAt = null, string? CreatedBy = null, List<ExportedCriterion>? Criteria = null, List<ExportedJudge>? Judges = null);

public sealed record ExportedAssignment(string Judge, string? NoteToAuthor = null, DateTime? ScoredAt = null);

public sealed record ExportedScore(string Judge, int Criterion, int Score);

/// <summary>A story entered in a challenge; <see cref="Placement"/> is a kebab-case <see cref="Challenges.ChallengePlacement"/>.</summary>
public sealed record ExportedChallengeEntry(int Challenge, int Story, string Author, DateTime EnteredAt, string? Placement = null, string? PlacementNote = null,
    List<ExportedAssignment>? Assignments = null, List<ExportedScore>? Scores = null);
