using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Comments;

/// <summary>The "Comments" section of a story page: the threads, the count and how to join in.</summary>
public sealed record CommentSection(int StoryId, string StoryUrl, bool CommentsEnabled, IReadOnlyList<CommentView> Threads, int Count)
{
    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#comments");

    public static async Task<CommentSection> LoadAsync(FolioDb db, int storyId, string storyUrl, bool commentsEnabled, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.Where(c => c.StoryId == storyId)
            .Select(c => new CommentView(c.Id, c.ParentId, c.Author.UserName!, c.Author.DisplayName, c.Author.AvatarUrl,
                c.DeletedAt == null ? c.BodyHtml : "", c.CreatedAt, c.EditedAt != null, c.DeletedAt != null))
            .ToListAsync(cancellationToken);
        return new CommentSection(storyId, storyUrl, commentsEnabled, CommentThread.Build(comments), comments.Count(c => !c.Deleted));
    }
}
