using System.Globalization;
using System.Text.Json.Nodes;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// What remote servers GET under /ap: actors, their collections, stories and comments. Ids in the path are database
/// ids; anything unknown, unpublished or not an id at all is a 404 problem, never an error.
/// </summary>
public static class DocumentEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapActivityPubDocuments(this IEndpointRouteBuilder endpoints)
    {
        var ap = endpoints.MapGroup(FederationUrls.Prefix).ExcludeFromDescription();

        ap.MapMethods("/actor", GetOrHead, async (ActorDocuments actors, CancellationToken cancellationToken) =>
            ActivityStreams.Json(await actors.InstanceAsync(cancellationToken)));
        ap.MapMethods("/actor/outbox", GetOrHead, (FederationUrls ids) => ActivityStreams.Json(EmptyCollection(FederationUrls.Outbox(ids.Instance))));

        ap.MapMethods("/people/{userId}", GetOrHead, async (string userId, ActorDocuments actors, CancellationToken cancellationToken) =>
            Answer(await actors.PersonAsync(userId, cancellationToken), "No creator has this id."));
        ap.MapMethods("/communities/{id}", GetOrHead, async (string id, ActorDocuments actors, CancellationToken cancellationToken) =>
            Answer(IdOf(id) is { } communityId ? await actors.GroupAsync(communityId, cancellationToken) : null, "No community has this id."));

        ap.MapMethods("/people/{userId}/{collection}", GetOrHead, (string userId, string collection, string? page, string? before, ActorCollections collections, CancellationToken cancellationToken) =>
            collections.AnswerAsync(ActorKind.Person, userId, collection, page, before, cancellationToken));
        ap.MapMethods("/communities/{id}/{collection}", GetOrHead, (string id, string collection, string? page, string? before, ActorCollections collections, CancellationToken cancellationToken) =>
            IdOf(id) is { } communityId
                ? collections.AnswerAsync(ActorKind.Group, communityId.ToString(CultureInfo.InvariantCulture), collection, page, before, cancellationToken)
                : Task.FromResult(NotFound("No community has this id.")));

        ap.MapMethods("/stories/{id}", GetOrHead, async (string id, ArticleDocuments articles, CancellationToken cancellationToken) =>
            Answer(IdOf(id) is { } storyId ? await articles.ForStoryAsync(storyId, cancellationToken) : null, "No published story has this id."));
        ap.MapMethods("/comments/{id}", GetOrHead, async (string id, NoteDocuments notes, CancellationToken cancellationToken) =>
            Answer(IdOf(id) is { } commentId ? await notes.ForCommentAsync(commentId, cancellationToken) : null, "No comment readers can see has this id."));
        return endpoints;
    }

    public static int? IdOf(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public static IResult Answer(JsonObject? document, string missing) => document is null ? NotFound(missing) : ActivityStreams.Json(document);

    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static JsonObject EmptyCollection(string id) => new()
    {
        ["@context"] = ActivityStreams.Context,
        ["id"] = id,
        ["type"] = "OrderedCollection",
        ["totalItems"] = 0,
        ["orderedItems"] = new JsonArray(),
    };
}
