using System.Text.Json;
using Folio.Data;
using Folio.Features.Federation;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The fediverse's part of an export: the remote actors Folio knows (their ids, inboxes, handles and public keys,
/// enough to deliver to them again after an import without fetching them first) and who of them follows which creator
/// (by username) or community (by slug).
/// </summary>
internal sealed class ExportFederation(FolioDb db, Utf8JsonWriter json, ExportWriter writer)
{
    public Task<int> RemoteActorsAsync() => writer.ArrayAsync("remoteActors", db.RemoteActors.AsNoTracking().OrderBy(a => a.Id), a =>
    {
        json.WriteString("uri", a.Uri);
        json.WriteString("inbox", a.Inbox);
        json.WriteString("sharedInbox", a.SharedInbox);
        json.WriteString("type", a.Type);
        json.WriteString("username", a.PreferredUsername);
        json.WriteString("name", a.Name);
        json.WriteString("profileUrl", a.ProfileUrl);
        json.WriteString("iconUrl", a.IconUrl);
        json.WriteString("publicKeyId", a.PublicKeyId);
        json.WriteString("publicKeyPem", a.PublicKeyPem);
        json.WriteString("fetchedAt", a.FetchedAt);
    });

    public Task<int> RemoteFollowersAsync()
    {
        var communities = db.Communities.Select(c => new { Id = c.Id.ToString(), c.Slug });
        var rows = db.RemoteFollowers.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new
            {
                f.Kind, f.OwnerId, Actor = f.RemoteActor.Uri, f.FollowActivityId, f.CreatedAt,
                Community = communities.Where(c => f.Kind == ActorKind.Group && c.Id == f.OwnerId).Select(c => c.Slug).FirstOrDefault(),
            });
        return writer.ArrayAsync("remoteFollowers", rows, f =>
        {
            json.WriteString("actor", f.Actor);
            if (f.Kind == ActorKind.Group)
            {
                json.WriteString("community", f.Community);
            }
            else
            {
                json.WriteString("creator", writer.Username(f.OwnerId));
            }

            json.WriteString("followActivityId", f.FollowActivityId);
            json.WriteString("createdAt", f.CreatedAt);
        });
    }
}
