namespace Folio.Features.Webhooks;

public sealed record WebhookEventKind(string Name, string Description);

/// <summary>The events a webhook can subscribe to. Their names are part of the public contract: never rename one.</summary>
public static class WebhookEvents
{
    public const string StoryPublished = "story.published";
    public const string StoryUpdated = "story.updated";
    public const string StoryUnpublished = "story.unpublished";
    public const string CommentAdded = "comment.added";
    public const string MemberAdded = "member.added";
    public const string ChallengeOpened = "challenge.opened";
    public const string ChallengeClosed = "challenge.closed";
    public const string ChallengeResults = "challenge.results";

    /// <summary>Sent only when an admin asks for a test delivery; nothing subscribes to it.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<WebhookEventKind> All =
    [
        new(StoryPublished, "A story goes live: approved by a moderator or published by a trusted creator. Imports do not count."),
        new(StoryUpdated, "A live story’s title, subtitle, body or tags change."),
        new(StoryUnpublished, "A live story is taken down by its author or a moderator, or deleted."),
        new(CommentAdded, "Someone comments on a story or replies to a comment."),
        new(MemberAdded, "A new account is created."),
        new(ChallengeOpened, "A challenge opens for entries (or is created already open)."),
        new(ChallengeClosed, "A challenge closes for entries and its judging begins."),
        new(ChallengeResults, "A challenge’s lead judge publishes its winners."),
    ];

    public static bool IsKnown(string name) => All.Any(e => e.Name == name);
}
