using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Challenges.Awards;
using Folio.Features.Challenges.Judging;
using Folio.Features.Stories;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Notifications;

/// <summary>A line as /notifications shows it: text before the story's title, the title, text after it.</summary>
public sealed record NotificationLine(int Id, NotificationKind Kind, string Before, string StoryTitle, string After, DateTime At, bool Unread);

/// <summary>
/// Reads and marks one person's notifications; every query names the recipient in its WHERE clause, so nobody can
/// see or mark anyone else's. Never shows a comment's words: moderation may remove them later.
/// </summary>
public sealed class NotificationFeed(FolioDb db, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Unread lines, counted the way the page groups them, so the bell and the page agree.</summary>
    public Task<int> UnreadCountAsync(string recipientId, CancellationToken cancellationToken = default) =>
        db.Notifications.ShownTo(recipientId, db).Where(n => n.ReadAt == null).Grouped().CountAsync(cancellationToken);

    public async Task<PagedList<NotificationLine>> PageAsync(string recipientId, int page, CancellationToken cancellationToken = default)
    {
        var groups = await db.Notifications.ShownTo(recipientId, db).Grouped()
            .OrderByDescending(g => g.LatestAt).ThenByDescending(g => g.LatestId)
            .ToPagedListAsync(page, PageSize, cancellationToken);

        var latestIds = groups.Items.Select(g => g.LatestId).ToList();
        var actors = await db.Notifications.Where(n => n.RecipientId == recipientId && latestIds.Contains(n.Id))
            // A reply from the fediverse is by the account that stands in for it: the line names the remote author instead.
            .Select(n => new
            {
                n.Id,
                Name = db.Comments.Where(c => c.Id == n.CommentId)
                    .Join(db.RemoteActors, c => c.RemoteActorId, a => a.Id, (c, a) => a.Name ?? a.PreferredUsername).FirstOrDefault()
                    ?? (n.Actor == null ? null : n.Actor.DisplayName),
            })
            .ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        var storyIds = groups.Items.Where(g => g.StoryId is not null).Select(g => g.StoryId!.Value).Distinct().ToList();
        var titles = await db.Stories.Where(s => storyIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);

        var challengeStoryIds = groups.Items.Where(g => IsChallenge(g.Kind) && g.StoryId is not null).Select(g => g.StoryId!.Value).ToList();
        var entries = challengeStoryIds.Count == 0
            ? []
            : await db.ChallengeEntries.Where(e => challengeStoryIds.Contains(e.StoryId))
                .Select(e => new { e.StoryId, e.Challenge.Title, e.Placement }).ToDictionaryAsync(e => e.StoryId, e => (e.Title, e.Placement), cancellationToken);

        var lines = groups.Items.Select(g => Describe(g, actors.GetValueOrDefault(g.LatestId),
            g.StoryId is { } storyId ? titles.GetValueOrDefault(storyId) : null,
            g.StoryId is { } entered && entries.TryGetValue(entered, out var entry) ? entry : null)).ToList();
        return groups.WithItems(lines);
    }

    /// <summary>Marks the notification read (for insights and hearts, the whole group) and returns where it points; null if it is not the recipient's.</summary>
    public async Task<string?> OpenAsync(string recipientId, int id, CancellationToken cancellationToken = default)
    {
        var notice = await db.Notifications.Where(n => n.Id == id && n.RecipientId == recipientId)
            .Select(n => new
            {
                n.Kind, n.StoryId, n.CommentId, StorySlug = n.Story == null ? null : n.Story.Slug, CommunitySlug = n.Story == null ? null : n.Story.Community.Slug,
                ChallengeSlug = db.ChallengeEntries.Where(e => e.StoryId == n.StoryId).Select(e => e.Challenge.Slug).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var unread = db.Notifications.Where(n => n.RecipientId == recipientId && n.ReadAt == null);
        unread = NotificationQueries.IsGrouped(notice.Kind)
            ? unread.Where(n => n.Kind == notice.Kind && n.StoryId == notice.StoryId)
            : unread.Where(n => n.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;
        await unread.ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);

        if (IsChallenge(notice.Kind) && notice.ChallengeSlug is { } challengeSlug)
        {
            return ResultsAnnouncement.FeedbackPath(challengeSlug);
        }

        if (notice is not { StoryId: { } storyId, CommunitySlug: { } communitySlug, StorySlug: { } storySlug })
        {
            return "/notifications";
        }

        var story = StoryLinks.Path(communitySlug, storySlug);
        return notice.Kind switch
        {
            NotificationKind.StorySentBack or NotificationKind.ChangesSentBack or NotificationKind.LabelsCorrected => $"/stories/{storyId}/edit",
            NotificationKind.CommentOnStory or NotificationKind.ReplyToComment when notice.CommentId is { } commentId => $"{story}#comment-{commentId}",
            NotificationKind.CommentOnStory or NotificationKind.ReplyToComment => $"{story}#comments",
            NotificationKind.InsightOnStory => $"{story}#insights",
            _ => story,
        };
    }

    public Task<int> MarkAllReadAsync(string recipientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.RecipientId == recipientId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    private static bool IsChallenge(NotificationKind kind) => kind is NotificationKind.ChallengePlaced or NotificationKind.ChallengeResults;

    private static NotificationLine Describe(NotificationGroup group, string? actor, string? title, (string Challenge, ChallengePlacement? Placement)? entry)
    {
        var challenge = entry?.Challenge ?? "the challenge";
        actor ??= "Someone";
        var others = group.Actors - 1;
        var (before, after) = group.Kind switch
        {
            NotificationKind.InsightOnStory => (others switch
            {
                <= 0 => actor,
                1 => $"{actor} and 1 other",
                _ => $"{actor} and {others} others",
            } + " shared insights on", ""),
            NotificationKind.HeartOnStory => (group.Actors <= 1 ? $"{actor} hearted" : $"{group.Actors} readers hearted", ""),
            NotificationKind.CommentOnStory => ($"{actor} commented on your story", ""),
            NotificationKind.ReplyToComment => ($"{actor} replied to your comment on", ""),
            NotificationKind.NewStoryFromCreator => ($"{actor} published", ""),
            NotificationKind.NewPartInSeries => ($"{actor} published a new part of a series you subscribe to:", ""),
            NotificationKind.StoryApproved => ("Your story", "was approved and is live"),
            NotificationKind.StorySentBack => ("Your story", "was sent back: see what to fix"),
            NotificationKind.ChangesApproved => ("Your changes to", "were approved and are live"),
            NotificationKind.ChangesSentBack => ("Your changes to", "were sent back: see what to fix"),
            NotificationKind.LabelsCorrected => ("A moderator changed the labels of", "— see what changed and why"),
            NotificationKind.ChallengePlaced when entry?.Placement is { } placement => ("Your story", ChallengeAward.Took(placement, challenge) + ": see the judges’ scores and notes"),
            NotificationKind.ChallengePlaced or NotificationKind.ChallengeResults => ($"The results of {challenge} are out: see the judges’ scores and notes for", ""),
            _ => ("Something happened on", ""),
        };
        return new NotificationLine(group.LatestId, group.Kind, before, title ?? "a story", after, group.LatestAt, group.Unread);
    }
}
