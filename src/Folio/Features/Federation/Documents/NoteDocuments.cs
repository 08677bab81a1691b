using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// A comment readers can see, on a story they can see, as a Note replying to the Article or to its parent's Note (a reply
/// from the fediverse by its own id). A reply from the fediverse is not served here: its own server serves it.
/// </summary>
public sealed class NoteDocuments(FolioDb db, FederationUrls ids, SiteUrls site)
{
    public async Task<JsonObject?> ForCommentAsync(int commentId, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().Shown()
            .Where(c => c.Id == commentId && c.RemoteNoteId == null)
            .Where(c => db.Stories.Published().Any(s => s.Id == c.StoryId))
            .Select(c => new
            {
                c.Id, c.AuthorId, c.ParentId, c.StoryId, c.BodyHtml, c.CreatedAt, c.EditedAt,
                ParentRemoteNoteId = c.Parent == null ? null : c.Parent.RemoteNoteId, StoryAuthorId = c.Story.AuthorId, CommunitySlug = c.Story.Community.Slug, StorySlug = c.Story.Slug,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return null;
        }

        var note = new JsonObject
        {
            ["@context"] = ActivityStreams.Context,
            ["id"] = ids.Note(comment.Id),
            ["type"] = "Note",
            ["attributedTo"] = ids.Person(comment.AuthorId),
            ["inReplyTo"] = comment.ParentRemoteNoteId ?? (comment.ParentId is { } parent ? ids.Note(parent) : ids.Article(comment.StoryId)),
            ["content"] = AbsoluteLinks.In(comment.BodyHtml, site.Origin),
            ["mediaType"] = "text/html",
            ["published"] = ActorDocuments.Time(comment.CreatedAt),
            ["url"] = site.Absolute($"{StoryLinks.Path(comment.CommunitySlug, comment.StorySlug)}#comment-{comment.Id}"),
            ["to"] = new JsonArray(ActivityStreams.Public),
            ["cc"] = new JsonArray(ids.Person(comment.StoryAuthorId)),
        };
        if (comment.EditedAt is { } edited)
        {
            note["updated"] = ActorDocuments.Time(edited);
        }

        return note;
    }
}
