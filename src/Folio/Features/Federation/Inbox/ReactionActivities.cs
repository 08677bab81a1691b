using System.Globalization;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Remote;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// Likes and Announces of a published story's Article, stored once per actor, story and type, and taken back by Undo.
/// A Like or Announce of anything else (a relay passing on another server's post) is accepted and ignored.
/// </summary>
public sealed class ReactionActivities(FolioDb db, FederationUrls urls, TimeProvider clock)
{
    public async Task<InboxOutcome> ReactAsync(InboxDelivery reaction, RemoteReactionType type, CancellationToken cancellationToken)
    {
        if (await PublishedStoryAsync(ActivityJson.Id(reaction.Activity["object"]), cancellationToken) is not { } storyId)
        {
            return InboxOutcome.Accepted;
        }

        var existing = await db.RemoteReactions.FirstOrDefaultAsync(
            r => r.StoryId == storyId && r.RemoteActorId == reaction.Actor.Id && r.Type == type, cancellationToken);
        if (existing is null)
        {
            db.RemoteReactions.Add(new RemoteReaction
            {
                StoryId = storyId, RemoteActorId = reaction.Actor.Id, Type = type, ActivityId = reaction.ActivityId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            existing.ActivityId = reaction.ActivityId;
        }

        return InboxOutcome.Accepted;
    }

    /// <summary>Undo of a Like or Announce, named by its id or embedded; only the actor who reacted can take it back.</summary>
    public async Task<InboxOutcome> UndoAsync(InboxDelivery undo, RemoteReactionType type, CancellationToken cancellationToken)
    {
        var undone = undo.Activity["object"];
        var mine = db.RemoteReactions.Where(r => r.RemoteActorId == undo.Actor.Id && r.Type == type);
        var reactionId = ActivityJson.Id(undone);
        var reaction = await mine.FirstOrDefaultAsync(r => r.ActivityId == reactionId, cancellationToken);
        if (reaction is null && undone is JsonObject embedded && await PublishedStoryAsync(ActivityJson.Id(embedded["object"]), cancellationToken) is { } storyId)
        {
            reaction = await mine.FirstOrDefaultAsync(r => r.StoryId == storyId, cancellationToken);
        }

        if (reaction is not null)
        {
            db.RemoteReactions.Remove(reaction);
        }

        return InboxOutcome.Accepted;
    }

    private async Task<int?> PublishedStoryAsync(string? articleId, CancellationToken cancellationToken)
    {
        var prefix = urls.Article(0)[..^1];
        if (articleId is null || !articleId.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(articleId[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var storyId))
        {
            return null;
        }

        return await db.Stories.AnyAsync(s => s.Id == storyId && s.Status == StoryStatus.Published, cancellationToken) ? storyId : null;
    }
}
