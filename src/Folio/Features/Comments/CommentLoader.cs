using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Standing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Comments;

/// <summary>Reads comments the way pages show them: a page of threads, a sub-thread, and where any comment lives.</summary>
public sealed class CommentLoader(
    FolioDb db, IAuthorizationService authorization, AccountStandings standings, IOptions<CommentOptions> options, TimeProvider clock)
{
    private CommentOptions Options => options.Value;

    public async Task<CommentTree> TreeAsync(int storyId, CancellationToken cancellationToken) =>
        new(await db.Comments.Where(c => c.StoryId == storyId)
            .Select(c => new CommentNode(c.Id, c.ParentId, c.CreatedAt, c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null))
            .ToListAsync(cancellationToken));

    public async Task<CommentSection> SectionAsync(CommentStory story, ClaimsPrincipal user, int page, int? replyTo, CancellationToken cancellationToken)
    {
        var tree = await TreeAsync(story.Id, cancellationToken);
        var pager = new CommentPager(1, Math.Max(1, (tree.Roots.Count + Options.PageSize - 1) / Options.PageSize));
        pager = pager with { Page = Math.Clamp(page, 1, pager.TotalPages) };
        var roots = tree.Roots.Skip((pager.Page - 1) * Options.PageSize).Take(Options.PageSize).Select(r => r.Id).ToList();
        var threads = await ArrangeAsync(tree, roots, cancellationToken);

        var pageUrl = pager.Page > 1 ? $"{story.Url}?{CommentPager.QueryName}={pager.Page}" : story.Url;
        var context = new CommentContext(story, await ViewerAsync(user, story.AuthorId), pageUrl);
        // Said up front: an account that may not comment sees why instead of a box it can't send.
        var refusal = context.Viewer.SignedIn && story.CommentsEnabled ? await standings.RefusalForAsync(user, cancellationToken) : null;
        var form = context.Viewer.SignedIn && story.CommentsEnabled && refusal is null ? await FormAsync(story, replyTo, pageUrl, cancellationToken) : null;
        return new CommentSection(context, threads, pager, tree.VisibleCount, form, refusal);
    }

    /// <summary>The comment, its replies and theirs, as deep as one page shows.</summary>
    public Task<IReadOnlyList<CommentView>> ThreadAsync(CommentTree tree, int commentId, CancellationToken cancellationToken) =>
        ArrangeAsync(tree, [commentId], cancellationToken);

    public async Task<CommentViewer> ViewerAsync(ClaimsPrincipal user, string storyAuthorId)
    {
        var userId = user.UserId();
        var moderator = userId is not null && (await authorization.AuthorizeAsync(user, Policies.Moderate)).Succeeded;
        return new CommentViewer(userId, userId is not null && userId == storyAuthorId, moderator, clock.GetUtcNow().UtcDateTime, Options.EditWindow);
    }

    /// <summary>The comment box, replying to <paramref name="replyTo"/> when that comment is on this story and still shown.</summary>
    public async Task<CommentForm> FormAsync(CommentStory story, int? replyTo, string pageUrl, CancellationToken cancellationToken)
    {
        var parent = replyTo is { } parentId
            ? await db.Comments.Shown().Where(c => c.Id == parentId && c.StoryId == story.Id)
                .Select(c => new { c.Id, c.Author.DisplayName }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CommentForm(story.Id, parent?.Id, parent?.DisplayName, pageUrl + "#comment-form");
    }

    /// <summary>
    /// The page that shows the comment: its story's page of top-level comments, or, for a reply deeper than a story
    /// page shows, the thread page that "Continue this thread" leads to.
    /// </summary>
    public string Location(CommentTree tree, int commentId, string storyUrl)
    {
        var depth = tree.Depth(commentId);
        if (depth <= CommentOptions.ThreadLevels)
        {
            var rootId = tree.AncestorAt(commentId, 1);
            var index = tree.Roots.Select(r => r.Id).ToList().IndexOf(rootId);
            var page = index / Options.PageSize + 1;
            return (page > 1 ? $"{storyUrl}?{CommentPager.QueryName}={page}" : storyUrl) + $"#comment-{commentId}";
        }

        // Thread pages start at the last level of the page before them, so they start at levels 3, 5, 7…
        var step = CommentOptions.ThreadLevels - 1;
        var threadDepth = CommentOptions.ThreadLevels + step * ((depth - CommentOptions.ThreadLevels - 1) / step);
        return $"/comments/{tree.AncestorAt(commentId, threadDepth)}#comment-{commentId}";
    }

    public async Task<string> LocationAsync(int storyId, int commentId, string storyUrl, CancellationToken cancellationToken) =>
        Location(await TreeAsync(storyId, cancellationToken), commentId, storyUrl);

    private async Task<IReadOnlyList<CommentView>> ArrangeAsync(CommentTree tree, IReadOnlyList<int> rootIds, CancellationToken cancellationToken)
    {
        var ids = rootIds.Where(tree.Contains).SelectMany(id => tree.Window(id, CommentOptions.ThreadLevels)).Select(w => w.Node.Id).ToList();
        var rows = await db.Comments.Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                View = new CommentView(c.Id, c.ParentId, c.AuthorId, c.Author.UserName!, c.Author.DisplayName, c.Author.AvatarUrl,
                    c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null ? c.BodyHtml : "",
                    c.CreatedAt, c.EditedAt != null,
                    c.RemovedAt != null ? CommentState.Removed : c.DeletedAt != null ? CommentState.Deleted : c.HiddenAt != null ? CommentState.Hidden : CommentState.Visible,
                    null),
                c.RemoteNoteId,
                c.RemoteUrl,
                Actor = db.RemoteActors.Where(a => a.Id == c.RemoteActorId)
                    .Select(a => new { a.Uri, a.Host, a.PreferredUsername, a.Name, a.ProfileUrl, a.IconUrl }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var views = rows.Select(r => r.Actor is not { } actor ? r.View : r.View with
        {
            AuthorName = actor.Name ?? actor.PreferredUsername ?? actor.Host,
            AuthorAvatarUrl = actor.IconUrl,
            Remote = new RemoteCommentAuthor($"@{actor.PreferredUsername ?? "?"}@{actor.Host}", actor.ProfileUrl ?? actor.Uri, r.RemoteUrl ?? r.RemoteNoteId ?? actor.Uri),
        }).ToList();
        return tree.Arrange(views, rootIds, CommentOptions.ThreadLevels);
    }
}
