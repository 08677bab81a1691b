namespace Folio.Features.Comments;

public enum CommentState
{
    Visible,
    Deleted,
    Hidden,
    Removed,
}

/// <summary>
/// Who wrote a reply from the fediverse, as their server describes them: a name, a handle, an avatar and a profile on
/// their server, and the reply's own page there (NoteUrl).
/// </summary>
public sealed record RemoteCommentAuthor(string Handle, string ProfileUrl, string NoteUrl);

/// <summary>One comment as a page shows it; BodyHtml is empty unless the comment is visible. Remote: it came from the fediverse.</summary>
public sealed record CommentView(
    int Id,
    int? ParentId,
    string AuthorId,
    string AuthorUsername,
    string AuthorName,
    string? AuthorAvatarUrl,
    string BodyHtml,
    DateTime CreatedAt,
    bool Edited,
    CommentState State,
    RemoteCommentAuthor? Remote = null)
{
    public List<CommentView> Replies { get; } = [];

    /// <summary>Replies below the deepest level shown, reached through "Continue this thread".</summary>
    public int MoreReplies { get; set; }
}

/// <summary>Just enough of every comment of a story to shape its threads, page them and find where a comment is shown.</summary>
public sealed record CommentNode(int Id, int? ParentId, DateTime CreatedAt, bool Visible);

public sealed class CommentTree
{
    private readonly Dictionary<int, CommentNode> _byId;
    private readonly ILookup<int, CommentNode> _replies;

    public CommentTree(IEnumerable<CommentNode> nodes)
    {
        var ordered = nodes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
        _byId = ordered.ToDictionary(n => n.Id);

        // A reply whose parent is missing is shown as top-level rather than lost.
        Roots = ordered.Where(n => n.ParentId is not { } parent || !_byId.ContainsKey(parent)).ToList();
        _replies = ordered.Where(n => n.ParentId is { } parent && _byId.ContainsKey(parent)).ToLookup(n => n.ParentId!.Value);
        VisibleCount = ordered.Count(n => n.Visible);
    }

    /// <summary>Top-level comments, oldest first.</summary>
    public IReadOnlyList<CommentNode> Roots { get; }

    public int VisibleCount { get; }

    public bool Contains(int id) => _byId.ContainsKey(id);

    /// <summary>1 for a top-level comment, 2 for a reply to it, and so on.</summary>
    public int Depth(int id) => Ancestry(id).Count;

    /// <summary>The comment's ancestor at the given depth (1 is its top-level comment).</summary>
    public int AncestorAt(int id, int depth) => Ancestry(id)[depth - 1];

    public int DescendantCount(int id) => _replies[id].Sum(reply => 1 + DescendantCount(reply.Id));

    /// <summary>The comment and its replies down to <paramref name="levels"/> levels, each with its level (1 for the comment itself).</summary>
    public IEnumerable<(CommentNode Node, int Level)> Window(int id, int levels)
    {
        var pending = new Stack<(CommentNode, int)>([(_byId[id], 1)]);
        while (pending.TryPop(out var item))
        {
            yield return item;
            var (node, level) = item;
            if (level < levels)
            {
                foreach (var reply in _replies[node.Id])
                {
                    pending.Push((reply, level + 1));
                }
            }
        }
    }

    /// <summary>Lays loaded comments out as the window's reply trees, oldest first at every level.</summary>
    public IReadOnlyList<CommentView> Arrange(IReadOnlyCollection<CommentView> views, IEnumerable<int> rootIds, int levels)
    {
        var byId = views.ToDictionary(v => v.Id);
        var roots = new List<CommentView>();
        foreach (var rootId in rootIds)
        {
            if (!byId.TryGetValue(rootId, out var root))
            {
                continue;
            }

            roots.Add(root);
            Attach(root, 1);
        }

        return roots;

        void Attach(CommentView view, int level)
        {
            if (level == levels)
            {
                view.MoreReplies = DescendantCount(view.Id);
                return;
            }

            foreach (var reply in _replies[view.Id])
            {
                if (byId.TryGetValue(reply.Id, out var child))
                {
                    view.Replies.Add(child);
                    Attach(child, level + 1);
                }
            }
        }
    }

    /// <summary>From the top-level comment down to the comment itself.</summary>
    private List<int> Ancestry(int id)
    {
        var chain = new List<int>();
        int? current = id;
        while (current is { } at && _byId.TryGetValue(at, out var node) && !chain.Contains(at))
        {
            chain.Add(at);
            current = node.ParentId;
        }

        chain.Reverse();
        return chain;
    }
}
