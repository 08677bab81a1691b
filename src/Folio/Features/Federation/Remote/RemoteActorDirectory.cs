using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// Remote actors as Folio knows them: from the RemoteActors table while fresh, else fetched from their server and
/// stored. An actor's id must be on the host it was fetched from, so one server cannot speak for another.
/// </summary>
public sealed class RemoteActorDirectory(FolioDb db, RemoteFetcher fetcher, TimeProvider clock, IOptions<RemoteOptions> options)
{
    /// <summary>
    /// The actor whose key made this signature: the stored actor while fresh and its key verifies, else fetched once
    /// more (unknown, stale, or a key rotated since). When its server no longer answers (a deleted account's Delete
    /// arrives after its document is gone), the stored key still counts; when it answers, only what it publishes now does.
    /// </summary>
    public async Task<RemoteActor?> SignerOfAsync(HttpSignature signature, CancellationToken cancellationToken)
    {
        var stored = await db.RemoteActors.FirstOrDefaultAsync(a => a.PublicKeyId == signature.KeyId, cancellationToken);
        var storedVerifies = stored is { PublicKeyPem: { } storedKey } && signature.IsValidFor(storedKey);
        if (storedVerifies && IsFresh(stored!))
        {
            return stored;
        }

        var (fetched, answered) = await FetchKeyOwnerAsync(signature.KeyId, cancellationToken);
        if (!answered)
        {
            return storedVerifies ? stored : null;
        }

        return fetched is { PublicKeyPem: { } fetchedKey } && signature.IsValidFor(fetchedKey) ? fetched : null;
    }

    private async Task<(RemoteActor? Actor, bool Answered)> FetchKeyOwnerAsync(string keyId, CancellationToken cancellationToken)
    {
        if (ActivityJson.Url(keyId) is not { } keyUrl)
        {
            return (null, true);
        }

        var document = await FetchAsync(new UriBuilder(keyUrl) { Fragment = "" }.Uri, cancellationToken);
        if (document is null)
        {
            return (null, false);
        }

        // The key id may name the actor itself (Mastodon's #main-key) or a key document naming its owner.
        if (document["inbox"] is null && ActivityJson.Url(ActivityJson.Id(document["owner"])) is { } owner && owner.Host == keyUrl.Host)
        {
            document = await FetchAsync(owner, cancellationToken);
        }

        var actor = document is null ? null : RemoteActorDocument.Read(document, keyId);
        return (actor?.PublicKeyId == keyId ? await StoreAsync(actor, cancellationToken) : null, true);
    }

    /// <summary>The actor with this id, fetched when unknown or stale.</summary>
    public async Task<RemoteActor?> ByIdAsync(string actorId, CancellationToken cancellationToken)
    {
        if (await db.RemoteActors.FirstOrDefaultAsync(a => a.Uri == actorId, cancellationToken) is { } known && IsFresh(known))
        {
            return known;
        }

        if (ActivityJson.Url(actorId) is not { } url || await FetchAsync(url, cancellationToken) is not { } document)
        {
            return null;
        }

        return RemoteActorDocument.Read(document) is { } actor && actor.Id.AbsoluteUri == url.AbsoluteUri ? await StoreAsync(actor, cancellationToken) : null;
    }

    private bool IsFresh(RemoteActor actor) => actor.FetchedAt > clock.GetUtcNow().UtcDateTime - options.Value.ActorRefreshAfter;

    private async Task<JsonObject?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.GetAsync(url, cancellationToken);
        var id = ActivityJson.Url(ActivityJson.Id(fetched.Document?["id"]));
        return id is not null && string.Equals(id.Authority, url.Authority, StringComparison.OrdinalIgnoreCase) ? fetched.Document : null;
    }

    private async Task<RemoteActor> StoreAsync(RemoteActorDocument document, CancellationToken cancellationToken)
    {
        var uri = document.Id.AbsoluteUri;
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = await db.RemoteActors.FirstOrDefaultAsync(a => a.Uri == uri, cancellationToken);
        if (actor is null)
        {
            actor = new RemoteActor { Uri = uri, Host = "", Inbox = "" };
            db.RemoteActors.Add(actor);
        }

        document.CopyTo(actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return actor;
        }
        catch (DbUpdateException)
        {
            // Another request stored the same actor a moment ago; what it stored is as fresh as ours.
            db.Entry(actor).State = EntityState.Detached;
            return await db.RemoteActors.FirstAsync(a => a.Uri == uri, cancellationToken);
        }
    }
}
