using System.Text.Json;
using System.Text.Json.Serialization;

namespace Folio.Features.Transfer;

/// <param name="Lexical">Whether the post has text in Ghost's editor format: only that is needed, not a second copy of the text.</param>
public sealed record GhostPost(
    string? Id, string? Uuid, string? Title, string? Slug, string? Html,
    [property: JsonConverter(typeof(GhostEditorText))] bool Lexical, [property: JsonConverter(typeof(GhostEditorText))] bool Mobiledoc,
    string? CustomExcerpt, string? Status, string? PublishedAt, string? CreatedAt, string? UpdatedAt, string? FeatureImage, string? Type,
    string? Visibility, string? AuthorId);

/// <summary>Reads a post's text in Ghost's editor formats as whether there is any, without keeping it.</summary>
public sealed class GhostEditorText : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.HasValueSequence ? reader.ValueSequence.Length > 0 : reader.ValueSpan.Length > 0;
        }

        reader.Skip();
        return false;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

public sealed record GhostUser(string? Id, string? Name, string? Slug, string? Email, string? Bio, string? ProfileImage, string? Website, string? CreatedAt);

public sealed record GhostTag(string? Id, string? Name, string? Slug, string? Visibility);

public sealed record GhostPostTag(string? PostId, string? TagId, int? SortOrder);

public sealed record GhostPostAuthor(string? PostId, string? AuthorId, int? SortOrder);

public sealed record GhostData(
    List<GhostPost>? Posts, List<GhostUser>? Users, List<GhostTag>? Tags, List<GhostPostTag>? PostsTags, List<GhostPostAuthor>? PostsAuthors);

/// <summary>
/// A Ghost JSON export (Settings → Labs → Export): <c>{"db":[{"meta":…,"data":{"posts":…}}]}</c>, or the same
/// without the "db" wrapper. Only what becomes stories and their authors is read.
/// </summary>
public sealed class GhostExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private sealed record Database(GhostData? Data);

    private sealed record File(List<Database>? Db, GhostData? Data);

    private GhostExport(GhostData data)
    {
        Posts = data.Posts ?? [];
        var users = (data.Users ?? []).Where(u => u.Id is not null).DistinctBy(u => u.Id).ToDictionary(u => u.Id!);
        var tags = (data.Tags ?? []).Where(t => t.Id is not null).DistinctBy(t => t.Id).ToDictionary(t => t.Id!);
        _tagsByPost = (data.PostsTags ?? []).Where(pt => pt.PostId is not null).GroupBy(pt => pt.PostId!).ToDictionary(
            g => g.Key,
            g => g.OrderBy(pt => pt.SortOrder ?? 0).Select(pt => pt.TagId is null ? null : tags.GetValueOrDefault(pt.TagId)).OfType<GhostTag>().ToList());
        _authorsByPost = (data.PostsAuthors ?? []).Where(pa => pa.PostId is not null).GroupBy(pa => pa.PostId!).ToDictionary(
            g => g.Key,
            g => g.OrderBy(pa => pa.SortOrder ?? 0).Select(pa => pa.AuthorId is null ? null : users.GetValueOrDefault(pa.AuthorId)).OfType<GhostUser>().ToList());
        _users = users;
    }

    private readonly Dictionary<string, GhostUser> _users;
    private readonly Dictionary<string, List<GhostTag>> _tagsByPost;
    private readonly Dictionary<string, List<GhostUser>> _authorsByPost;

    public List<GhostPost> Posts { get; }

    /// <summary>The export, or why the file isn't one.</summary>
    public static async Task<(GhostExport? Export, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = System.IO.File.OpenRead(path);
            var file = await JsonSerializer.DeserializeAsync<File>(stream, Json, cancellationToken);
            var data = file?.Db?.FirstOrDefault(db => db.Data?.Posts is not null)?.Data ?? file?.Data;
            return data?.Posts is null
                ? (null, $"{path} is not a Ghost export: it has no \"db\" → \"data\" → \"posts\" list.")
                : (new GhostExport(data), null);
        }
        catch (JsonException invalid)
        {
            return (null, $"{path} is not a Ghost JSON export: {invalid.Message}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} could not be read: {unreadable.Message}");
        }
    }

    /// <summary>The post's authors, primary first; exports from before Ghost 1.22 name one author on the post itself.</summary>
    public IReadOnlyList<GhostUser> AuthorsOf(GhostPost post) =>
        post.Id is not null && _authorsByPost.TryGetValue(post.Id, out var authors) && authors.Count > 0 ? authors
        : post.AuthorId is not null && _users.TryGetValue(post.AuthorId, out var author) ? [author]
        : [];

    /// <summary>Public tags in Ghost's order; internal ones (#hash tags) organise Ghost's own themes and stay behind.</summary>
    public IReadOnlyList<string> TagsOf(GhostPost post) =>
        post.Id is not null && _tagsByPost.TryGetValue(post.Id, out var tags)
            ? tags.Where(t => t.Visibility != "internal" && t.Name is { Length: > 0 } name && !name.StartsWith('#')).Select(t => t.Name!).ToList()
            : [];
}
