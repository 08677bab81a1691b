using Folio.Features.Comments;

namespace Folio.Features.Api;

/// <summary>
/// A comment on a story. `body` is the Markdown its author wrote, `bodyHtml` the sanitised HTML the site shows.
/// A comment that is no longer shown (`deleted`: its author deleted it, the story's author hid it or a moderator
/// removed it, as `state` says) keeps its place in the thread with an empty body and no author, as on the site.
/// </summary>
public sealed record ApiComment(
    int Id,
    int? ParentId,
    ApiCommentAuthor? Author,
    string Body,
    string BodyHtml,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool Deleted,
    CommentState State,
    string Url);

/// <summary>
/// Who wrote a comment. `remote` is true for a reply from the fediverse: then `handle` is the author's @name@server,
/// `url` their profile on their own server, and `username` null (they have no account here).
/// </summary>
public sealed record ApiCommentAuthor(string? Username, string Name, string Url, bool Remote = false, string? Handle = null);

/// <summary>A new comment: Markdown of at most 5,000 characters; `parentId` makes it a reply to a comment shown on the same story.</summary>
public sealed record PostCommentRequest(string? Body, int? ParentId);
