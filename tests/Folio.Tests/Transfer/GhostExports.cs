using System.Text.Json;

namespace Folio.Tests.Transfer;

/// <summary>Writes Ghost exports in the shape Ghost's admin produces: {"db":[{"meta":…,"data":{…}}]}.</summary>
public static class GhostExports
{
    public static object Post(string id, string title, string html, string status = "published", string type = "post",
        string publishedAt = "2021-03-04T05:06:07.000Z", string? excerpt = null, string visibility = "public", string? featureImage = null) => new Dictionary<string, object?>
        {
            ["id"] = id,
            ["uuid"] = $"uuid-{id}",
            ["title"] = title,
            ["slug"] = title.ToLowerInvariant().Replace(' ', '-'),
            ["mobiledoc"] = null,
            ["lexical"] = "{\"root\":{}}",
            ["html"] = html,
            ["plaintext"] = "ignored",
            ["feature_image"] = featureImage,
            ["type"] = type,
            ["status"] = status,
            ["visibility"] = visibility,
            ["custom_excerpt"] = excerpt,
            ["created_at"] = "2021-03-01T10:00:00.000Z",
            ["updated_at"] = "2021-03-05T10:00:00.000Z",
            ["published_at"] = status == "published" ? publishedAt : null,
        };

    public static object User(string id, string name, string slug, string email) => new Dictionary<string, object?>
    {
        ["id"] = id, ["name"] = name, ["slug"] = slug, ["email"] = email, ["bio"] = $"Bio of {name}.",
        ["profile_image"] = "__GHOST_URL__/content/images/avatar.png", ["website"] = "https://example.org", ["created_at"] = "2019-01-01T00:00:00.000Z",
    };

    public static string Json(object[] posts, object[] users, (string Id, string Name)[] tags, (string Post, string Tag)[] postsTags,
        (string Post, string Author)[] postsAuthors, bool wrapInDb = true)
    {
        var data = new Dictionary<string, object>
        {
            ["posts"] = posts,
            ["users"] = users,
            ["tags"] = tags.Select(t => new { id = t.Id, name = t.Name, slug = t.Name.ToLowerInvariant(), visibility = t.Name.StartsWith('#') ? "internal" : "public" }),
            ["posts_tags"] = postsTags.Select((pt, i) => new { id = $"pt{i}", post_id = pt.Post, tag_id = pt.Tag, sort_order = i }),
            ["posts_authors"] = postsAuthors.Select((pa, i) => new { id = $"pa{i}", post_id = pa.Post, author_id = pa.Author, sort_order = i }),
        };
        var meta = new { exported_on = 1700000000000, version = "5.75.0" };
        return JsonSerializer.Serialize(wrapInDb ? new { db = new[] { new { meta, data } } } : (object)new { meta, data });
    }
}
