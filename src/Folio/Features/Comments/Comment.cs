using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Comments;

public sealed class Comment
{
    public int Id { get; private set; }
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;
    public required string AuthorId { get; set; }
    public FolioUser Author { get; set; } = null!;

    /// <summary>Null for a top-level comment; replies can nest to any depth.</summary>
    public int? ParentId { get; set; }

    public Comment? Parent { get; set; }
    public string Body { get; private set; } = "";

    /// <summary>Body rendered with the comment subset of Markdown and sanitised when it is written.</summary>
    public string BodyHtml { get; private set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    /// <summary>Deleted by its author: a tombstone keeps the thread's shape.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Hidden by the story's author from their story.</summary>
    public DateTime? HiddenAt { get; set; }

    /// <summary>Removed by a moderator.</summary>
    public DateTime? RemovedAt { get; set; }

    public string? RemovedById { get; set; }

    /// <summary>
    /// The <see cref="RemoteActor"/> who wrote a reply that came from the fediverse; its <see cref="AuthorId"/> is then the
    /// fediverse account. Null for a local comment, and for a remote one whose actor deleted itself (its text went with it).
    /// Not a foreign key: adding one to an existing table makes SQLite rebuild it, so the actor's Delete clears it instead.
    /// </summary>
    public int? RemoteActorId { get; set; }

    /// <summary>The ActivityPub id of the Note a remote reply came as: what its Update and Delete name; unique.</summary>
    public string? RemoteNoteId { get; set; }

    /// <summary>The Note's page on its own server (its `url`), for "via the fediverse".</summary>
    public string? RemoteUrl { get; set; }

    public bool IsRemote => RemoteNoteId is not null;

    public bool IsVisible => DeletedAt is null && HiddenAt is null && RemovedAt is null;

    public void Write(string body)
    {
        Body = body;
        BodyHtml = CommentRenderer.Render(body);
    }

    public bool IsEditableAt(DateTime now, TimeSpan window) => IsVisible && now < CreatedAt + window;

    public void Edit(string body, DateTime at)
    {
        if (body != Body)
        {
            Write(body);
            EditedAt = at;
        }
    }

    /// <summary>The text goes for good; the row stays as a tombstone so replies keep their place.</summary>
    public void Delete(DateTime at)
    {
        DeletedAt ??= at;
        Write("");
    }

    public void Hide(DateTime at) => HiddenAt ??= at;

    public void Unhide() => HiddenAt = null;

    public void Remove(string moderatorId, DateTime at)
    {
        RemovedAt ??= at;
        RemovedById ??= moderatorId;
        Write("");
    }
}
