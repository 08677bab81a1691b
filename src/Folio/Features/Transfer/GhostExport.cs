using System.Runtime.CompilerServices;
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

/// <summary>
/// A Ghost JSON export (Settings → Labs → Export): <c>{"db":[{"meta":…,"data":{"posts":…}}]}</c>, or the same
/// without the "db" wrapper. Only what becomes stories and their authors is read, in two passes over the file like
/// <see cref="SiteExportFile"/>: the first keeps users, tags and who wrote what and counts the posts, the second
/// (<see cref="PostsAsync"/>) hands the posts out one at a time, so a large blog's text is never in memory at once.
/// </summary>
public sealed class GhostExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private static readonly string[][] DataPaths = [["db", "data"], ["data"]];

    private readonly string _path;
    private readonly string[] _dataPath;
    private readonly Dictionary<string, GhostUser> _users = [];
    private Dictionary<string, List<GhostTag>> _tagsByPost = [];
    private Dictionary<string, List<GhostUser>> _authorsByPost = [];

    private GhostExport(string path, string[] dataPath) => (_path, _dataPath) = (path, dataPath);

    public int PostCount { get; private set; }

    /// <summary>The export without its posts, or why the file isn't one.</summary>
    public static async Task<(GhostExport? Export, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var dataPath in DataPaths)
            {
                var export = new GhostExport(path, dataPath);
                if (await export.ReadAllButPostsAsync(cancellationToken))
                {
                    return (export, null);
                }
            }

            return (null, $"{path} is not a Ghost export: it has no \"db\" → \"data\" → \"posts\" list.");
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

    /// <summary>The second pass: the posts, in the file's order.</summary>
    public async IAsyncEnumerable<GhostPost> PostsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var member in JsonMembers.ReadAsync(_path, cancellationToken, _dataPath))
        {
            if (member.Name == "posts" && Read<GhostPost>(member) is { } post)
            {
                yield return post;
            }
        }
    }

    /// <summary>Whether the data has a list of posts (each one checked now, so a broken post stops the import before it starts).</summary>
    private async Task<bool> ReadAllButPostsAsync(CancellationToken cancellationToken)
    {
        var hasPosts = false;
        var (tags, postsTags, postsAuthors) = (new Dictionary<string, GhostTag>(), new List<GhostPostTag>(), new List<GhostPostAuthor>());
        await foreach (var member in JsonMembers.ReadAsync(_path, cancellationToken, _dataPath))
        {
            switch (member.Name)
            {
                case "posts":
                    hasPosts = true;
                    PostCount += Read<GhostPost>(member) is null ? 0 : 1;
                    break;
                case "users" when Read<GhostUser>(member) is { Id: { } id } user:
                    _users.TryAdd(id, user);
                    break;
                case "tags" when Read<GhostTag>(member) is { Id: { } id } tag:
                    tags.TryAdd(id, tag);
                    break;
                case "posts_tags" when Read<GhostPostTag>(member) is { PostId: not null } postTag:
                    postsTags.Add(postTag);
                    break;
                case "posts_authors" when Read<GhostPostAuthor>(member) is { PostId: not null } postAuthor:
                    postsAuthors.Add(postAuthor);
                    break;
            }
        }

        _tagsByPost = postsTags.GroupBy(pt => pt.PostId!).ToDictionary(
            g => g.Key,
            g => g.OrderBy(pt => pt.SortOrder ?? 0).Select(pt => pt.TagId is null ? null : tags.GetValueOrDefault(pt.TagId)).OfType<GhostTag>().ToList());
        _authorsByPost = postsAuthors.GroupBy(pa => pa.PostId!).ToDictionary(
            g => g.Key,
            g => g.OrderBy(pa => pa.SortOrder ?? 0).Select(pa => pa.AuthorId is null ? null : _users.GetValueOrDefault(pa.AuthorId)).OfType<GhostUser>().ToList());
        return hasPosts;
    }

    // A null where an element should be is nothing rather than an error.
    private static T? Read<T>(JsonMember member) where T : class => JsonSerializer.Deserialize<T>(member.Json, Json);

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
