using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Stories;

namespace Folio.Features.Notifications;

/// <summary>One line of /notifications: a single notice, or all of a story's insights (or hearts) together.</summary>
public sealed class NotificationGroup
{
    public NotificationKind Kind { get; init; }
    public int? StoryId { get; init; }

    /// <summary>
    /// The newest notice of the group: its actor names the line and its id opens it. Ids grow with CreatedAt (both
    /// set at insert), and MAX(Id) keeps this one aggregate instead of a correlated subquery per group.
    /// </summary>
    public int LatestId { get; init; }

    public DateTime LatestAt { get; init; }
    public bool Unread { get; init; }
    public int Actors { get; init; }
}

public static class NotificationQueries
{
    /// <summary>Insights and hearts arrive by the dozen: they are shown, counted and read per story, not one by one.</summary>
    public static bool IsGrouped(NotificationKind kind) => kind is NotificationKind.InsightOnStory or NotificationKind.HeartOnStory;

    /// <summary>
    /// The recipient's notices that still point at something: a comment that was deleted, hidden or removed since,
    /// or a subscribed creator's story that is no longer published, drops out rather than leading nowhere.
    /// </summary>
    public static IQueryable<Notification> ShownTo(this IQueryable<Notification> notifications, string recipientId, FolioDb db) =>
        notifications.Where(n => n.RecipientId == recipientId
            && (n.CommentId == null || db.Comments.Shown().Any(c => c.Id == n.CommentId))
            && (n.Kind != NotificationKind.NewStoryFromCreator || db.Stories.Published().Any(s => s.Id == n.StoryId)));

    public static IQueryable<NotificationGroup> Grouped(this IQueryable<Notification> notifications) =>
        notifications
            .GroupBy(n => new
            {
                n.Kind,
                n.StoryId,
                Single = n.Kind == NotificationKind.InsightOnStory || n.Kind == NotificationKind.HeartOnStory ? 0 : n.Id,
            })
            .Select(g => new NotificationGroup
            {
                Kind = g.Key.Kind,
                StoryId = g.Key.StoryId,
                LatestId = g.Max(n => n.Id),
                LatestAt = g.Max(n => n.CreatedAt),
                Unread = g.Count(n => n.ReadAt == null) > 0,
                Actors = g.Select(n => n.ActorId).Distinct().Count(),
            });
}
