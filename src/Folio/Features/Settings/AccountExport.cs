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
    EmailChoicesExport EmailChoices);

public sealed record ProfileExport(
    string UserName, string DisplayName, string? Email, bool EmailConfirmed, string Bio, string? AvatarUrl, DateTime JoinedAt, IReadOnlyList<string> Roles);

public sealed record LinkExport(string Label, string Url);

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
