using System.Security.Cryptography;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation;

/// <summary>A local actor's signing key, made and stored the first time it is needed (two nodes at once keep the first).</summary>
public sealed class ActorKeys(FolioDb db, TimeProvider clock)
{
    private const int KeySizeBits = 2048;

    public Task<ActorKey> ForInstanceAsync(CancellationToken cancellationToken = default) => ForAsync(ActorKind.Instance, "", cancellationToken);

    public Task<ActorKey> ForPersonAsync(string userId, CancellationToken cancellationToken = default) => ForAsync(ActorKind.Person, userId, cancellationToken);

    public Task<ActorKey> ForGroupAsync(int communityId, CancellationToken cancellationToken = default) =>
        ForAsync(ActorKind.Group, communityId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    public async Task<ActorKey> ForAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(kind, ownerId, cancellationToken) is { } stored)
        {
            return stored;
        }

        using var rsa = RSA.Create(KeySizeBits);
        var made = new ActorKey
        {
            Kind = kind,
            OwnerId = ownerId,
            PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem(),
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ActorKeys.Add(made);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return made;
        }
        catch (DbUpdateException)
        {
            // Another request or node made this actor's key first; everyone signs with that one.
            db.Entry(made).State = EntityState.Detached;
            return await FindAsync(kind, ownerId, cancellationToken) ?? throw new InvalidOperationException($"No key for {kind} {ownerId} after a conflicting insert.");
        }
    }

    private Task<ActorKey?> FindAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken) =>
        db.ActorKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Kind == kind && k.OwnerId == ownerId, cancellationToken);
}
