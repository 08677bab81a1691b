using Folio.Features.Comments;
using Folio.Pages.Shared;

namespace Folio.Features.Api;

/// <summary>A comment as read for the API: the text and the author only while the comment is shown.</summary>
internal sealed record CommentRow(
    int Id, int? ParentId, string AuthorUsername, string AuthorName, string Body, string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, CommentState State)
{
    public ApiComment ToApi(SiteUrls urls, string location) => new(
        Id,
        ParentId,
        State == CommentState.Visible ? new ApiCommentAuthor(AuthorUsername, AuthorName, urls.Absolute($"/authors/{AuthorUsername}")) : null,
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
    public static IQueryable<CommentRow> ToApiRows(this IQueryable<Comment> comments) =>
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
                : CommentState.Visible));
}
