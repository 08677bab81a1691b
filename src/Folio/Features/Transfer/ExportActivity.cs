using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's arrays of what readers did: comments, insights, impressions, hearts, saves, subscriptions, follows and reads.</summary>
internal sealed class ExportActivity(FolioDb db, Utf8JsonWriter json, ExportWriter writer)
{
    public Task<int> CommentsAsync() => writer.ArrayAsync("comments",
        from c in db.Comments.AsNoTracking()
        join remoteActor in db.RemoteActors on c.RemoteActorId equals (int?)remoteActor.Id into remoteActors
        from actor in remoteActors.DefaultIfEmpty()
        orderby c.Id
        select new { Comment = c, RemoteActor = actor != null ? actor.Uri : null }, row =>
    {
        var c = row.Comment;
        json.WriteNumber("id", c.Id);
        json.WriteNumber("story", c.StoryId);
        if (c.ParentId is { } parent)
        {
            json.WriteNumber("parent", parent);
        }
        else
        {
            json.WriteNull("parent");
        }

        json.WriteString("author", writer.Username(c.AuthorId));
        json.WriteString("body", c.Body);
        json.WriteString("createdAt", c.CreatedAt);
        writer.WriteDate("editedAt", c.EditedAt);
        writer.WriteDate("deletedAt", c.DeletedAt);
        writer.WriteDate("hiddenAt", c.HiddenAt);
        writer.WriteDate("removedAt", c.RemovedAt);
        json.WriteString("removedBy", c.RemovedById is { } by ? writer.Username(by) : null);
        if (row.RemoteActor is { } actor)
        {
            // A reply from the fediverse: its author is the remote actor (in remoteActors), not a person of this site.
            json.WriteString("remoteActor", actor);
            json.WriteString("remoteNote", c.RemoteNoteId);
            json.WriteString("remoteUrl", c.RemoteUrl);
        }
    });

    public Task<int> InsightsAsync() => writer.ArrayAsync("insights", db.ReaderInsights.AsNoTracking().OrderBy(i => i.Id), i =>
    {
        json.WriteNumber("story", i.StoryId);
        json.WriteString("reader", writer.Username(i.ReaderId));
        json.WriteString("quality", ExportWriter.Kebab(i.Quality));
        json.WriteString("givenAt", i.GivenAt);
    });

    public Task<int> ImpressionsAsync() => writer.ArrayAsync("impressions", db.ReaderImpressions.AsNoTracking().OrderBy(i => i.Id), i =>
    {
        json.WriteNumber("story", i.StoryId);
        json.WriteString("reader", writer.Username(i.ReaderId));
        json.WriteString("impression", ExportWriter.Kebab(i.Impression));
        json.WriteString("givenAt", i.GivenAt);
    });

    public Task<int> HeartsAsync() => writer.ArrayAsync("hearts", db.Hearts.AsNoTracking().OrderBy(h => h.StoryId).ThenBy(h => h.GivenAt), h =>
    {
        json.WriteNumber("story", h.StoryId);
        json.WriteString("reader", writer.Username(h.ReaderId));
        json.WriteString("givenAt", h.GivenAt);
    });

    /// <summary>Stories readers saved for later: private to each reader, but theirs to keep when the site moves.</summary>
    public Task<int> SavedAsync() => writer.ArrayAsync("saved", db.SavedStories.AsNoTracking().OrderBy(s => s.StoryId).ThenBy(s => s.SavedAt), s =>
    {
        json.WriteNumber("story", s.StoryId);
        json.WriteString("reader", writer.Username(s.UserId));
        json.WriteString("savedAt", s.SavedAt);
    });

    public Task<int> SubscriptionsAsync() => writer.ArrayAsync("subscriptions", db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt), s =>
    {
        json.WriteString("subscriber", writer.Username(s.SubscriberId));
        json.WriteString("creator", writer.Username(s.CreatorId));
        json.WriteString("createdAt", s.CreatedAt);
        json.WriteString("delivery", s.Delivery is { } delivery ? ExportWriter.Kebab(delivery) : null);
    });

    public Task<int> CommunityFollowsAsync() => writer.ArrayAsync("communityFollows",
        db.CommunityFollows.AsNoTracking().OrderBy(f => f.CreatedAt).Select(f => new { f.UserId, Community = f.Community.Slug, f.CreatedAt, f.Delivery }), f =>
        {
            json.WriteString("person", writer.Username(f.UserId));
            json.WriteString("community", f.Community);
            json.WriteString("createdAt", f.CreatedAt);
            json.WriteString("delivery", f.Delivery is { } delivery ? ExportWriter.Kebab(delivery) : null);
        });

    /// <summary>Daily read counts, the history behind each creator's reads chart.</summary>
    public Task<int> ReadsAsync() => writer.ArrayAsync("reads", db.StoryReadDays.AsNoTracking().OrderBy(r => r.StoryId).ThenBy(r => r.Day), r =>
    {
        json.WriteNumber("story", r.StoryId);
        json.WriteString("day", r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("reads", r.Reads);
    });
}
