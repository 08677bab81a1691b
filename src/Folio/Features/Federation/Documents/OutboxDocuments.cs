using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// An actor's outbox: a creator's published stories as the Creates that published them, a community's as the Announces
/// that shared them; newest first, <see cref="PageSize"/> a page, each page after the story the one before ended on.
/// </summary>
public sealed class OutboxDocuments(FolioDb db, FederationUrls ids, ArticleDocuments articles)
{
    public const int PageSize = 20;

    /// <summary>The collection itself: how many, and where its first page is.</summary>
    public async Task<JsonObject> CollectionAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken)
    {
        var outbox = FederationUrls.Outbox(ActorId(kind, ownerId));
        // A community's count is stored with every save; a creator's is counted on the index of their own stories.
        var total = kind == ActorKind.Group
            ? await db.Communities.Where(c => c.Id == GroupId(ownerId)).Select(c => c.StoryCount).FirstOrDefaultAsync(cancellationToken)
            : await Stories(kind, ownerId).CountAsync(cancellationToken);
        return new JsonObject
        {
            ["@context"] = ActivityStreams.Context,
            ["id"] = outbox,
            ["type"] = "OrderedCollection",
            ["totalItems"] = total,
            ["first"] = $"{outbox}?page=true",
        };
    }

    /// <summary>The page after story <paramref name="before"/> (null: the newest); null when that story is not in this outbox.</summary>
    public async Task<JsonObject?> PageAsync(ActorKind kind, string ownerId, int? before, CancellationToken cancellationToken)
    {
        var actor = ActorId(kind, ownerId);
        var outbox = FederationUrls.Outbox(actor);
        var stories = Stories(kind, ownerId);
        if (before is { } id)
        {
            if (await stories.Where(s => s.Id == id).Select(s => s.PublishedAt).FirstOrDefaultAsync(cancellationToken) is not { } at)
            {
                return null;
            }

            // The same order as NewestFirst, so the page walks the actor's index from where the last one stopped.
            stories = stories.Where(s => s.PublishedAt < at || (s.PublishedAt == at && s.Id < id));
        }

        var page = await ArticleDocuments.Sources(stories.NewestFirst()).Take(PageSize + 1).ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var result = new JsonObject
        {
            ["@context"] = ActivityStreams.Context,
            ["id"] = before is null ? $"{outbox}?page=true" : $"{outbox}?page=true&before={before}",
            ["type"] = "OrderedCollectionPage",
            ["partOf"] = outbox,
            ["orderedItems"] = new JsonArray([.. shown.Select(story => (JsonNode)(kind == ActorKind.Group ? Announce(actor, story) : Create(story)))]),
        };
        if (page.Count > PageSize)
        {
            result["next"] = $"{outbox}?page=true&before={shown[^1].Id}";
        }

        return result;
    }

    /// <summary>The Create that published a story, as the Person sent it.</summary>
    public JsonObject Create(ArticleSource story)
    {
        var article = articles.Build(story);
        var context = ActivityStreams.LiftContext(article);
        var create = new JsonObject
        {
            ["id"] = ids.Activity("create", story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["type"] = "Create",
            ["actor"] = article["attributedTo"]!.DeepClone(),
            ["published"] = article["published"]!.DeepClone(),
            ["to"] = article["to"]!.DeepClone(),
            ["cc"] = article["cc"]!.DeepClone(),
            ["object"] = article,
        };
        if (context is not null)
        {
            create.Insert(0, "@context", context);
        }

        return create;
    }

    /// <summary>The Announce with which a community shared a story with its followers (FEP-1b12).</summary>
    public JsonObject Announce(string groupId, ArticleSource story) => new()
    {
        ["id"] = ids.Activity("announce", story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["type"] = "Announce",
        ["actor"] = groupId,
        ["published"] = ActorDocuments.Time(story.PublishedAt),
        ["to"] = new JsonArray(ActivityStreams.Public),
        ["cc"] = new JsonArray(FederationUrls.Followers(groupId)),
        ["object"] = ids.Article(story.Id),
    };

    /// <summary>A community's outbox leaves out the stories of creators who keep theirs off the fediverse.</summary>
    private IQueryable<Story> Stories(ActorKind kind, string ownerId) => kind == ActorKind.Group
        ? db.Stories.Published().Where(s => s.CommunityId == GroupId(ownerId) && !s.Author.FederationOff)
        : db.Stories.Published().Where(s => s.AuthorId == ownerId);

    public string ActorId(ActorKind kind, string ownerId) => kind == ActorKind.Group ? ids.Group(GroupId(ownerId)) : ids.Person(ownerId);

    private static int GroupId(string ownerId) => int.Parse(ownerId, System.Globalization.CultureInfo.InvariantCulture);
}
