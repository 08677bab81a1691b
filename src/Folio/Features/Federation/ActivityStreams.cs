using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Folio.Features.Federation;

/// <summary>The ActivityStreams vocabulary Folio's documents share, and how a request asks for them.</summary>
public static class ActivityStreams
{
    public const string Context = "https://www.w3.org/ns/activitystreams";
    public const string SecurityContext = "https://w3id.org/security/v1";
    public const string Public = "https://www.w3.org/ns/activitystreams#Public";
    public const string MediaType = "application/activity+json";
    public const string ContentType = "application/activity+json; charset=utf-8";
    private const string LinkedDataProfile = "https://www.w3.org/ns/activitystreams";

    /// <summary>An actor's @context: the terms Mastodon reads beyond ActivityStreams, named as Mastodon names them.</summary>
    public static JsonArray ActorContext() =>
    [
        Context,
        SecurityContext,
        new JsonObject
        {
            ["manuallyApprovesFollowers"] = "as:manuallyApprovesFollowers",
            ["toot"] = "http://joinmastodon.org/ns#",
            ["discoverable"] = "toot:discoverable",
            ["schema"] = "http://schema.org#",
            ["PropertyValue"] = "schema:PropertyValue",
            ["value"] = "schema:value",
        },
    ];

    /// <summary>The @context of an object marked <c>sensitive</c>: the term Mastodon defined, as it defines it.</summary>
    public static JsonArray SensitiveContext() => [Context, new JsonObject { ["sensitive"] = "as:sensitive" }];

    /// <summary>
    /// Takes an object's @context off it, to embed it in an activity; returns it when it defines terms beyond
    /// ActivityStreams, for the activity to carry instead of the plain one.
    /// </summary>
    public static JsonNode? LiftContext(JsonObject document)
    {
        var context = document["@context"];
        document.Remove("@context");
        return context is JsonArray ? context : null;
    }

    /// <summary>
    /// Whether the request asks for ActivityStreams rather than HTML: application/activity+json, or JSON-LD with the
    /// ActivityStreams profile (what the spec asks servers to send). A browser's */* is HTML.
    /// </summary>
    public static bool IsWantedBy(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        return accepted.Any(type => type.Quality is not 0
            && (type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
                || (type.MediaType.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)
                    && type.Parameters.Any(p => p.Name.Equals("profile", StringComparison.OrdinalIgnoreCase)
                        && HeaderUtilities.RemoveQuotes(p.Value).Equals(LinkedDataProfile, StringComparison.Ordinal)))));
    }

    /// <summary>A document as ActivityStreams JSON.</summary>
    public static IResult Json(JsonNode document) => Results.Text(Serialize(document), ContentType);

    /// <summary>
    /// Compact JSON with HTML and + left as they are: the documents are served as JSON, never inside HTML, and
    /// \u003Cp\u003E summaries and \u002B in keys are what other servers' logs and their operators would have to read.
    /// </summary>
    public static string Serialize(JsonNode document) => document.ToJsonString(Options);

    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
