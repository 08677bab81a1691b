using System.Text.Json.Nodes;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// Reads ActivityStreams JSON the way servers really write it: a reference may be a string, an object with an id (or a
/// Link with an href), or an array of either; a missing or oddly typed field is null, never an exception.
/// </summary>
public static class ActivityJson
{
    public const string ContentType = "application/activity+json";

    public static string? Id(JsonNode? node) => node switch
    {
        JsonValue value => value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null,
        JsonObject obj => Text(obj["id"]) ?? Text(obj["href"]),
        JsonArray array => array.Select(Id).FirstOrDefault(id => id is not null),
        _ => null,
    };

    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue value => value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null,
        JsonArray array => array.Select(Text).FirstOrDefault(text => text is not null),
        _ => null,
    };

    /// <summary>The types of an object: "type" may be one string or an array of them.</summary>
    public static IReadOnlyList<string> Types(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Text).OfType<string>()],
        _ => Text(node) is { } type ? [type] : [],
    };

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj],
        JsonArray array => array.OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>An absolute http(s) URL, or null.</summary>
    public static Uri? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
