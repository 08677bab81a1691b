using System.Globalization;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Federation.Remote;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>A Note from another server, as a reply needs it: who wrote it, what it answers, and its text as a comment body.</summary>
public sealed record RemoteNote(string Id, string? AttributedTo, string? InReplyTo, string? Url, string Body)
{
    /// <summary>Written by <paramref name="actor"/> and served from its server: the only Notes an actor may post, edit or delete.</summary>
    public bool IsBy(RemoteActor actor) =>
        AttributedTo == actor.Uri && string.Equals(new Uri(Id).Authority, new Uri(actor.Uri).Authority, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a reply answers: a published story, and the comment on it when it replies to one.</summary>
public sealed record ReplyTarget(Story Story, int? ParentId);

/// <summary>
/// Reads the Note of a Create or Update (embedded, as Mastodon sends it, or fetched by its id) and finds what it replies
/// to: a story's Article, a local comment's Note, or a remote reply already stored.
/// </summary>
public sealed class RemoteNotes(FolioDb db, RemoteFetcher fetcher, FederationUrls urls)
{
    public async Task<RemoteNote?> ReadAsync(JsonNode? activityObject, CancellationToken cancellationToken)
    {
        var note = activityObject as JsonObject;
        if (note is null && ActivityJson.Url(ActivityJson.Id(activityObject)) is { } url)
        {
            note = (await fetcher.GetAsync(url, cancellationToken)).Document;
        }

        if (note is null || !ActivityJson.Types(note["type"]).Contains("Note") || ActivityJson.Url(ActivityJson.Id(note["id"])) is not { } id)
        {
            return null;
        }

        var content = ActivityJson.Text(note["content"]) ?? "";
        return new RemoteNote(id.AbsoluteUri, ActivityJson.Id(note["attributedTo"]), ActivityJson.Id(note["inReplyTo"]),
            ActivityJson.Url(ActivityJson.Id(note["url"]))?.AbsoluteUri, CommentMessages.Normalise(RemoteNoteBody.FromHtml(content, urls.Host)));
    }

    public async Task<ReplyTarget?> TargetAsync(string? inReplyTo, CancellationToken cancellationToken)
    {
        if (inReplyTo is null)
        {
            return null;
        }

        var storyId = LocalId(inReplyTo, urls.Article(0));
        int? parentId = null;
        if (storyId is null)
        {
            var commentId = LocalId(inReplyTo, urls.Note(0));
            var parent = await db.Comments.Where(c => commentId != null ? c.Id == commentId : c.RemoteNoteId == inReplyTo)
                .Select(c => new { c.Id, c.StoryId }).FirstOrDefaultAsync(cancellationToken);
            (storyId, parentId) = (parent?.StoryId, parent?.Id);
        }

        if (storyId is null)
        {
            return null;
        }

        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        return story is null ? null : new ReplyTarget(story, parentId);
    }

    /// <summary>The database id in one of this site's ids of the given kind (<paramref name="kindOfZero"/> is that kind's id 0).</summary>
    private static int? LocalId(string id, string kindOfZero)
    {
        var prefix = kindOfZero[..^1];
        return id.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(id[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
    }
}
