using System.Globalization;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// A creator (Person) or community (Group) on this site, as its ActivityPub id names it. Off: a creator who turned
/// federation off, who refuses follows.
/// </summary>
public sealed record LocalActor(ActorKind Kind, string OwnerId, string Id, bool Off = false);

/// <summary>Finds the local actor an activity's object names: /ap/people/{userId} or /ap/communities/{id}, when it exists.</summary>
public sealed class LocalActors(FolioDb db, FederationUrls urls)
{
    public async Task<LocalActor?> FindAsync(string? actorId, CancellationToken cancellationToken)
    {
        var people = urls.Person("");
        var communities = urls.Group(0)[..^1];
        if (actorId is null)
        {
            return null;
        }

        if (actorId.StartsWith(people, StringComparison.Ordinal) && actorId[people.Length..] is { Length: > 0 } userId && !userId.Contains('/'))
        {
            var off = await db.Users.Where(u => u.Id == userId).Select(u => (bool?)u.FederationOff).FirstOrDefaultAsync(cancellationToken);
            return off is { } isOff ? new LocalActor(ActorKind.Person, userId, actorId, isOff) : null;
        }

        if (actorId.StartsWith(communities, StringComparison.Ordinal)
            && int.TryParse(actorId[communities.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var communityId)
            && urls.Group(communityId) == actorId)
        {
            return await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken)
                ? new LocalActor(ActorKind.Group, communityId.ToString(CultureInfo.InvariantCulture), actorId)
                : null;
        }

        return null;
    }
}
