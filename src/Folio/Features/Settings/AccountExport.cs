namespace Folio.Features.Settings;

/// <summary>Everything a person put into Folio, in the shape of the download at /settings/export. Never the password hash or tokens themselves.</summary>
public sealed record AccountExport(
    DateTime ExportedAt,
    ProfileExport Profile,
    IReadOnlyList<LinkExport> Links,
    IReadOnlyList<StoryExport> Stories,
    IReadOnlyList<CommentExport> Comments,
    IReadOnlyList<InsightExport> InsightsGiven,
    IReadOnlyList<HeartExport> HeartsGiven,
    IReadOnlyList<SavedStoryExport> SavedStories,
    IReadOnlyList<ReportExport> ReportsFiled,
    IReadOnlyList<TokenExport> AccessTokens,
    EmailChoicesExport EmailChoices,
    ReadingChoicesExport ReadingChoices,
    IReadOnlyList<SeriesExport>? Series = null,
    IReadOnlyList<SubscribedSeriesExport>? SubscribedSeries = null);

/// <summary>A series of the person's, its parts as their stories' ids (in <see cref="AccountExport.Stories"/>) in order.</summary>
public sealed record SeriesExport(string Title, string Slug, string Url, string Description, string? CoverImageUrl, string? CoverAltText,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<int> Parts);

public sealed record SubscribedSeriesExport(string Title, string Url, DateTime SubscribedAt);

public sealed record ProfileExport(
    string UserName, string DisplayName, string? Email, bool EmailConfirmed, string Bio, string? AvatarUrl, DateTime JoinedAt, IReadOnlyList<string> Roles);

public sealed record LinkExport(string Label, string Url);

/// <summary>One of the person's stories; its labels are slugs ("ai-generated", "self-harm"), as the API and the site export write them.</summary>
public sealed record StoryExport(
    int Id,
    string Title,
    string Subtitle,
    string Community,
    string Slug,
    string Url,
    string Status,
    IReadOnlyList<string> Tags,
    string Markdown,
    string? HeroImageUrl,
    bool CommentsEnabled,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    string Making,
    IReadOnlyList<string> Warnings,
    string? WarningNote,
    string? HeroAltText = null,
    string? HeroCaption = null,
    DateTime? PinnedToProfileAt = null);

public sealed record CommentExport(int Id, string StoryTitle, string StoryUrl, int? ReplyTo, string Body, DateTime CreatedAt, DateTime? EditedAt, DateTime? DeletedAt);

public sealed record InsightExport(string StoryTitle, string StoryUrl, string Insight, DateTime GivenAt);

public sealed record HeartExport(string StoryTitle, string StoryUrl, DateTime GivenAt);

public sealed record SavedStoryExport(string StoryTitle, string StoryUrl, DateTime SavedAt);

public sealed record ReportExport(string StoryTitle, string StoryUrl, string Reason, string Details, DateTime ReportedAt, DateTime? ResolvedAt, string? Resolution);

public sealed record TokenExport(string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>
/// How the person gets email: <see cref="NewStories"/> is their default for new stories, and each follow's
/// <see cref="FollowEmailExport.Delivery"/> its own choice, "Default" where it keeps to theirs.
/// </summary>
public sealed record EmailChoicesExport(
    string NewStories, string? TimeZone, bool EmailWholeStories, bool EmailOnReply, bool EmailOnReview,
    IReadOnlyList<FollowEmailExport> Creators, IReadOnlyList<FollowEmailExport> Communities);

public sealed record FollowEmailExport(string Name, string Url, string Delivery);

/// <summary>What the person hides from lists and whether warned stories are covered; warnings as the API names them.</summary>
public sealed record ReadingChoicesExport(bool HideAiGenerated, IReadOnlyList<string> HiddenWarnings, bool CoverWarnedStories);
