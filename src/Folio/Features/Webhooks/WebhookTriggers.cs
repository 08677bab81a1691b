using Folio.Features.Challenges;
using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Features.Webhooks;

/// <summary>One event about to happen, with the entity it is about (its id is known only after the save).</summary>
public sealed record RaisedEvent(string Name, object Subject);

/// <summary>
/// Reads the events out of the changes a save is about to make, whichever page, endpoint or command made them.
/// A story added with an ImportKey is an import run by an admin: bringing old stories over is not news, so it
/// raises no story.published (a later edit of a live imported story does raise story.updated).
/// ExecuteUpdate and ExecuteDelete bypass the change tracker, and so raise nothing. A challenge's opening and closing
/// happen with no save at all; <see cref="ChallengeAnnouncements"/> raises those.
/// </summary>
public static class WebhookTriggers
{
    private static readonly string[] ContentProperties =
        [nameof(Story.Title), nameof(Story.Subtitle), nameof(Story.BodyMarkdown), nameof(Story.Making), nameof(Story.Warnings), nameof(Story.WarningNote)];

    public static List<RaisedEvent> Detect(ChangeTracker tracker)
    {
        var raised = new List<RaisedEvent>();
        var retagged = StoryTagRows.RetaggedStories(tracker);
        foreach (var entry in tracker.Entries<Story>())
        {
            if (StoryEvent(entry, retagged) is { } name)
            {
                raised.Add(new RaisedEvent(name, entry.Entity));
            }
        }

        raised.AddRange(tracker.Entries<Comment>().Where(e => e.State == EntityState.Added).Select(e => new RaisedEvent(WebhookEvents.CommentAdded, e.Entity)));
        raised.AddRange(tracker.Entries<FolioUser>().Where(e => e.State == EntityState.Added).Select(e => new RaisedEvent(WebhookEvents.MemberAdded, e.Entity)));
        raised.AddRange(tracker.Entries<Challenge>()
            .Where(e => e.State == EntityState.Modified && e.Property(c => c.ResultsPublishedAt) is { OriginalValue: null, CurrentValue: not null })
            .Select(e => new RaisedEvent(WebhookEvents.ChallengeResults, e.Entity)));
        return raised;
    }

    private static string? StoryEvent(EntityEntry<Story> entry, IReadOnlySet<int> retagged)
    {
        const StoryStatus live = StoryStatus.Published;
        var was = entry.Property(s => s.Status).OriginalValue;
        var now = entry.Entity.Status;
        return entry.State switch
        {
            EntityState.Added => now == live && entry.Entity.ImportKey is null ? WebhookEvents.StoryPublished : null,
            EntityState.Deleted => was == live ? WebhookEvents.StoryUnpublished : null,
            EntityState.Modified or EntityState.Unchanged when was != live && now == live => WebhookEvents.StoryPublished,
            EntityState.Modified or EntityState.Unchanged when was == live && now != live => WebhookEvents.StoryUnpublished,
            EntityState.Modified or EntityState.Unchanged when now == live && (ContentChanged(entry) || retagged.Contains(entry.Entity.Id)) => WebhookEvents.StoryUpdated,
            _ => null,
        };
    }

    // Compared by value: a property set to what it already was, or marked modified by Update(), is no change to a reader.
    private static bool ContentChanged(EntityEntry<Story> entry) =>
        entry.State == EntityState.Modified
        && ContentProperties.Any(name => entry.Property(name) is { IsModified: true } property && !Equals(property.OriginalValue, property.CurrentValue));
}
