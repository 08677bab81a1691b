using System.Globalization;
using Folio.Data;
using Folio.Features.Federation;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's remote actors and remote followers that are not here yet, each added in a save of its own: an actor known here already (by its id) is
/// kept as this site last fetched it; a follower whose creator or community is not on this site, or whose actor is not
/// in the file, is skipped and said so. Importing again adds nothing.
/// </summary>
internal sealed class SiteRemoteFollowers(FolioDb db, SitePeople people, Dictionary<string, int> communities)
{
    /// <summary>Adds the file's remote actors before its stories, whose replies from the fediverse name them; all of them by id.</summary>
    public async Task<Dictionary<string, RemoteActor>> AddActorsAsync(SiteExportFile file, ImportReport report, CancellationToken cancellationToken)
    {
        if (file.RemoteActors.Count == 0)
        {
            return [];
        }

        var known = await db.RemoteActors.ToDictionaryAsync(a => a.Uri, cancellationToken);
        foreach (var exported in file.RemoteActors.DistinctBy(a => a.Uri))
        {
            if (known.ContainsKey(exported.Uri))
            {
                continue;
            }

            if (!Uri.TryCreate(exported.Uri, UriKind.Absolute, out var uri))
            {
                report.Skip($"remote actor {exported.Uri}", "its id is not an absolute URL");
                continue;
            }

            known[exported.Uri] = db.RemoteActors.Add(new RemoteActor
            {
                Uri = exported.Uri, Host = uri.Host.ToLowerInvariant(), Inbox = exported.Inbox, SharedInbox = exported.SharedInbox, Type = exported.Type ?? "Person",
                PreferredUsername = exported.Username, Name = exported.Name, ProfileUrl = exported.ProfileUrl, IconUrl = exported.IconUrl,
                PublicKeyId = exported.PublicKeyId, PublicKeyPem = exported.PublicKeyPem, FetchedAt = exported.FetchedAt ?? DateTime.UnixEpoch,
            }).Entity;
        }

        await db.SaveChangesAsync(cancellationToken);
        return known;
    }

    public async Task AddFollowersAsync(SiteExportFile file, Dictionary<string, RemoteActor> known, ImportReport report, CancellationToken cancellationToken)
    {
        if (file.RemoteFollowers.Count == 0)
        {
            return;
        }

        var here = (await db.RemoteFollowers.Select(f => new { f.Kind, f.OwnerId, f.RemoteActorId }).ToListAsync(cancellationToken))
            .Select(f => (f.Kind, f.OwnerId, f.RemoteActorId)).ToHashSet();
        foreach (var follower in file.RemoteFollowers)
        {
            var owner = follower.Community is { } slug
                ? communities.TryGetValue(slug, out var communityId) ? (ActorKind.Group, communityId.ToString(CultureInfo.InvariantCulture)) : ((ActorKind, string)?)null
                : follower.Creator is { } username && people.IdOf(username) is { } userId ? (ActorKind.Person, userId) : null;
            if (owner is not var (kind, ownerId) || !known.TryGetValue(follower.Actor, out var actor))
            {
                report.Skip($"remote follower {follower.Actor}", "the creator, community or remote actor it names is not in the file");
                continue;
            }

            if (here.Add((kind, ownerId, actor.Id)))
            {
                db.RemoteFollowers.Add(new RemoteFollower
                {
                    Kind = kind, OwnerId = ownerId, RemoteActorId = actor.Id, FollowActivityId = follower.FollowActivityId, CreatedAt = follower.CreatedAt,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
