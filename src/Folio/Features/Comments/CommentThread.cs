namespace Folio.Features.Comments;

public sealed record CommentView(
    int Id,
    int? ParentId,
    string AuthorUsername,
    string AuthorName,
    string? AuthorAvatarUrl,
    string BodyHtml,
    DateTime CreatedAt,
    bool Edited,
    bool Deleted)
{
    public List<CommentView> Replies { get; } = [];
}

public static class CommentThread
{
    /// <summary>Arranges comments oldest first into their reply trees; a reply whose parent is missing becomes top-level.</summary>
    public static IReadOnlyList<CommentView> Build(IEnumerable<CommentView> comments)
    {
        var ordered = comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var byId = ordered.ToDictionary(c => c.Id);
        var roots = new List<CommentView>();
        foreach (var comment in ordered)
        {
            if (comment.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent))
            {
                parent.Replies.Add(comment);
            }
            else
            {
                roots.Add(comment);
            }
        }

        return roots;
    }
}
