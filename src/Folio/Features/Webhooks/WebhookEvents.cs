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

    /// <summary>Sent only when an admin asks for a test delivery; nothing subscribes to it.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<WebhookEventKind> All =
    [
        new(StoryPublished, "A story goes live: approved by a moderator or published by a trusted creator. Imports do not count."),
        new(StoryUpdated, "A live story’s title, subtitle, body or tags change."),
        new(StoryUnpublished, "A live story is taken down by its author or a moderator, or deleted."),
        new(CommentAdded, "Someone comments on a story or replies to a comment."),
        new(MemberAdded, "A new account is created."),
    ];

    public static bool IsKnown(string name) => All.Any(e => e.Name == name);
}
