using System.Text.Json.Nodes;

namespace Folio.Tests.Federation;

/// <summary>Replies as Mastodon sends them: a Note with inReplyTo, embedded in a Create, an Update or named by a Delete.</summary>
public static class RemoteReplies
{
    public static JsonObject Note(this PeerActor actor, string inReplyTo, string html, string? attributedTo = null)
    {
        var id = $"{actor.Id}/statuses/{Guid.NewGuid():N}";
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "Note",
            ["attributedTo"] = attributedTo ?? actor.Id,
            ["inReplyTo"] = inReplyTo,
            ["content"] = html,
            ["url"] = id.Replace("/statuses/", "/@notes/", StringComparison.Ordinal),
            ["to"] = new JsonArray("https://www.w3.org/ns/activitystreams#Public"),
        };
    }

    /// <summary>A Create, Update or Delete of the Note, embedded as Mastodon does (a Delete's as a Tombstone).</summary>
    public static JsonObject About(this PeerActor actor, string type, JsonObject note) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = $"{actor.Id}#{type.ToLowerInvariant()}s/{Guid.NewGuid():N}",
        ["type"] = type,
        ["actor"] = actor.Id,
        ["object"] = type == "Delete" ? new JsonObject { ["id"] = note["id"]!.DeepClone(), ["type"] = "Tombstone" } : note.DeepClone(),
    };

    public static JsonObject Edited(this JsonObject note, string html)
    {
        var edited = (JsonObject)note.DeepClone();
        edited["content"] = html;
        edited["updated"] = DateTimeOffset.UtcNow.ToString("O");
        return edited;
    }
}
