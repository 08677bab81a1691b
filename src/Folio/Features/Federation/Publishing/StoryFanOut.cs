using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Blocks;
using Folio.Features.Federation.Delivery;
using Folio.Features.Federation.Documents;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Publishing;

/// <summary>
/// Queues a story's activity for every server that follows its creator or its community: one delivery per inbox, a
/// server's shared inbox standing for all its followers there. A new story goes out as the creator's Create and the
/// community's Announce (FEP-1b12); its Update and Delete come from the creator, to both audiences.
/// </summary>
public sealed class StoryFanOut(
    FolioDb db, SiteUrls site, FederationUrls ids, ArticleDocuments articles, OutboxDocuments outbox, FederationQueue queue, FederationBlockList blocks,
    IOptions<FederationDeliveryOptions> delivery, TimeProvider clock)
{
    public async Task QueueDeliveriesAsync(StoryActivity activity, CancellationToken cancellationToken)
    {
        site.Pin(activity.SiteOrigin);
        // Each story's fan-out clears away what the ones a week before it left, so the queue keeps about a week of rows.
        await queue.ForgetFinishedAsync(delivery.Value.KeptFor, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Id == activity.AuthorId && u.FederationOff, cancellationToken))
        {
            return;
        }

        var communityId = activity.CommunityId.ToString(CultureInfo.InvariantCulture);
        var (personInboxes, groupInboxes) = (await InboxesAsync(ActorKind.Person, activity.AuthorId, cancellationToken),
            await InboxesAsync(ActorKind.Group, communityId, cancellationToken));
        if (personInboxes.Count + groupInboxes.Count == 0)
        {
            return;
        }

        if (activity.Kind == StoryActivityKind.Delete)
        {
            queue.Enqueue(ActorKind.Person, activity.AuthorId, Delete(activity), personInboxes.Union(groupInboxes));
        }
        else if (await ArticleDocuments.Sources(db.Stories.Where(s => s.Id == activity.StoryId)).FirstOrDefaultAsync(cancellationToken) is { } story)
        {
            if (activity.Kind == StoryActivityKind.Create)
            {
                queue.Enqueue(ActorKind.Person, activity.AuthorId, WithContext(outbox.Create(story)), personInboxes);
                queue.Enqueue(ActorKind.Group, communityId, WithContext(outbox.Announce(ids.Group(activity.CommunityId), story)), groupInboxes);
            }
            else
            {
                queue.Enqueue(ActorKind.Person, activity.AuthorId, Update(activity, articles.Build(story)), personInboxes.Union(groupInboxes));
            }
        }

        // A story no longer public when its Create or Update comes up is left alone: its Delete is queued behind it.
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
    }

    /// <summary>A follower blocked since it followed (its follow is removed with the block, but a save may be in between) gets nothing.</summary>
    private async Task<List<string>> InboxesAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken)
    {
        var blocked = await blocks.GetAsync(cancellationToken);
        var followers = await db.RemoteFollowers.Where(f => f.Kind == kind && f.OwnerId == ownerId)
            .Select(f => new { f.RemoteActor.Uri, Inbox = f.RemoteActor.SharedInbox ?? f.RemoteActor.Inbox })
            .ToListAsync(cancellationToken);
        return [.. followers.Where(f => !blocked.CoversActor(f.Uri) && !blocked.CoversInbox(f.Inbox)).Select(f => f.Inbox).Distinct()];
    }

    private JsonElement Update(StoryActivity activity, JsonObject article)
    {
        var context = ActivityStreams.LiftContext(article);
        var update = new JsonObject
        {
            ["id"] = ids.Activity("update", $"{activity.StoryId}-{activity.Id}"),
            ["type"] = "Update",
            ["actor"] = ids.Person(activity.AuthorId),
            ["to"] = article["to"]!.DeepClone(),
            ["cc"] = article["cc"]!.DeepClone(),
            ["object"] = article,
        };
        if (context is not null)
        {
            update["@context"] = context;
        }

        return WithContext(update);
    }

    private JsonElement Delete(StoryActivity activity)
    {
        var person = ids.Person(activity.AuthorId);
        return WithContext(new JsonObject
        {
            ["id"] = ids.Activity("delete", $"{activity.StoryId}-{activity.Id}"),
            ["type"] = "Delete",
            ["actor"] = person,
            ["to"] = new JsonArray(ActivityStreams.Public),
            ["cc"] = new JsonArray(FederationUrls.Followers(person), ids.Group(activity.CommunityId)),
            ["object"] = new JsonObject
            {
                ["id"] = ids.Article(activity.StoryId),
                ["type"] = "Tombstone",
                ["formerType"] = "Article",
                ["deleted"] = ActorDocuments.Time(clock.GetUtcNow().UtcDateTime),
            },
        });
    }

    /// <summary>The activity with @context first: the plain ActivityStreams one unless it carries its own.</summary>
    private static JsonElement WithContext(JsonObject activity)
    {
        var document = new JsonObject { ["@context"] = ActivityStreams.Context };
        foreach (var (name, value) in activity.ToList())
        {
            activity.Remove(name);
            document[name] = value;
        }

        return JsonSerializer.SerializeToElement(document);
    }
}
