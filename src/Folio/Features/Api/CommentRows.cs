using Folio.Data;
using Folio.Features.Comments;
using Folio.Pages.Shared;

namespace Folio.Features.Api;

/// <summary>What the API says of a reply's author on the fediverse.</summary>
internal sealed record RemoteAuthorRow(string Name, string? PreferredUsername, string Host, string ProfileUrl);

/// <summary>A comment as read for the API: the text and the author only while the comment is shown.</summary>
internal sealed record CommentRow(
    int Id, int? ParentId, string AuthorUsername, string AuthorName, string Body, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, CommentState State,
    RemoteAuthorRow? Remote)
{
    private ApiCommentAuthor Author(SiteUrls urls) => Remote is { } remote
        ? new ApiCommentAuthor(null, remote.Name, remote.ProfileUrl, true, $"@{remote.PreferredUsername ?? "?"}@{remote.Host}")
        : new ApiCommentAuthor(AuthorUsername, AuthorName, urls.Absolute($"/authors/{AuthorUsername}"));

    public ApiComment ToApi(SiteUrls urls, string location) => new(
        Id,
        ParentId,
        State == CommentState.Visible ? Author(urls) : null,
        Body,
        BodyHtml,
        CreatedAt,
        EditedAt,
        State != CommentState.Visible,
        State,
        urls.Absolute(location));
}

internal static class CommentRows
{
    public static IQueryable<CommentRow> ToApiRows(this IQueryable<Comment> comments, FolioDb db) =>
        comments.Select(c => new CommentRow(
            c.Id,
            c.ParentId,
            c.Author.UserName!,
            c.Author.DisplayName,
            c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null ? c.Body : "",
            c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null ? c.BodyHtml : "",
            c.CreatedAt,
            c.EditedAt,
            c.RemovedAt != null ? CommentState.Removed
                : c.DeletedAt != null ? CommentState.Deleted
                : c.HiddenAt != null ? CommentState.Hidden
                : CommentState.Visible,
            db.RemoteActors.Where(a => a.Id == c.RemoteActorId)
                .Select(a => new RemoteAuthorRow(a.Name ?? a.PreferredUsername ?? a.Host, a.PreferredUsername, a.Host, a.ProfileUrl ?? a.Uri))
                .FirstOrDefault()));
}
