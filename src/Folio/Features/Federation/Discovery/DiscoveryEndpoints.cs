using System.Text.Json.Nodes;
using System.Xml.Linq;
using Folio.Features.Federation.Documents;
using Folio.Features.Feeds;

namespace Folio.Features.Federation.Discovery;

/// <summary>
/// How other servers find Folio's actors and what Folio is: WebFinger (RFC 7033), host-meta (RFC 6415) pointing at it,
/// and NodeInfo 2.1; then the ActivityPub documents themselves (<see cref="DocumentEndpoints"/>).
/// </summary>
public static class DiscoveryEndpoints
{
    private const string ProfilePage = "http://webfinger.net/rel/profile-page";
    private static readonly XNamespace Xrd = "http://docs.oasis-open.org/ns/xri/xrd-1.0";

    public static IEndpointRouteBuilder MapFederationDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/webfinger", WebFingerAsync).ExcludeFromDescription();
        endpoints.MapGet("/.well-known/host-meta", (FederationUrls ids) => new XmlDocumentResult("application/xrd+xml; charset=utf-8", writer =>
            new XDocument(new XElement(Xrd + "XRD",
                new XElement(Xrd + "Link", new XAttribute("rel", "lrdd"), new XAttribute("template", ids.Origin + "/.well-known/webfinger?resource={uri}"))))
            .WriteTo(writer))).ExcludeFromDescription();
        endpoints.MapGet("/.well-known/nodeinfo", (FederationUrls ids) => TypedResults.Json(new JsonObject
        {
            ["links"] = new JsonArray(new JsonObject { ["rel"] = NodeInfo.Schema, ["href"] = ids.Origin + NodeInfo.Path }),
        })).ExcludeFromDescription();
        endpoints.MapGet(NodeInfo.Path, async (NodeInfo nodeInfo, CancellationToken cancellationToken) =>
            Results.Text(ActivityStreams.Serialize(await nodeInfo.DocumentAsync(cancellationToken)), NodeInfo.ContentType)).ExcludeFromDescription();
        return endpoints.MapActivityPubDocuments();
    }

    private static async Task<IResult> WebFingerAsync(string? resource, WebFinger finger, HttpResponse response, CancellationToken cancellationToken)
    {
        // Read by web clients of other servers, from their own origin.
        response.Headers.AccessControlAllowOrigin = "*";
        if (WebFinger.Problem(resource) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable resource");
        }

        if (await finger.FindAsync(resource!, cancellationToken) is not { } actor)
        {
            return DocumentEndpoints.NotFound($"No one here answers to {resource}.");
        }

        var document = new JsonObject
        {
            ["subject"] = $"acct:{actor.Name}@{new Uri(actor.Id).Authority}",
            ["aliases"] = new JsonArray(actor.Page, actor.Id),
            ["links"] = new JsonArray(
                new JsonObject { ["rel"] = "self", ["type"] = ActivityStreams.MediaType, ["href"] = actor.Id },
                new JsonObject { ["rel"] = ProfilePage, ["type"] = "text/html", ["href"] = actor.Page }),
        };
        return Results.Text(ActivityStreams.Serialize(document), "application/jrd+json; charset=utf-8");
    }
}
