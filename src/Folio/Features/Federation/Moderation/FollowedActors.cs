using System.Globalization;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Moderation;

/// <summary>A local creator or community with how many remote actors follow it.</summary>
public sealed record FollowedActor(ActorKind Kind, string OwnerId, string Name, string? PagePath, int RemoteFollowers)
{
    /// <summary>The moderators' list of its remote followers.</summary>
    public string FollowersPath => $"/moderation/fediverse/followers/{FollowedActors.Segment(Kind)}/{Uri.EscapeDataString(OwnerId)}";
}

/// <summary>
/// Local creators and communities by their remote followers, biggest first: one grouped query on the followers'
/// (Kind, OwnerId) index for the page, then the page's names in one query per kind, never one per row.
/// </summary>
public sealed class FollowedActors(FolioDb db)
{
    public const string PersonSegment = "creator";
    public const string GroupSegment = "community";

    public static string Segment(ActorKind kind) => kind == ActorKind.Group ? GroupSegment : PersonSegment;

    public static ActorKind? KindOf(string segment) => segment switch
    {
        PersonSegment => ActorKind.Person,
        GroupSegment => ActorKind.Group,
        _ => null,
    };

    public async Task<(IReadOnlyList<FollowedActor> Page, int Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var counts = db.RemoteFollowers.GroupBy(f => new { f.Kind, f.OwnerId }).Select(g => new { g.Key.Kind, g.Key.OwnerId, Count = g.Count() });
        var total = await counts.CountAsync(cancellationToken);
        var rows = await counts.OrderByDescending(c => c.Count).ThenBy(c => c.Kind).ThenBy(c => c.OwnerId)
            .Skip((Math.Clamp(page, 1, 100_000) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => (r.Kind, r.OwnerId)).ToList(), cancellationToken);
        return ([.. rows.Select(r => names.TryGetValue((r.Kind, r.OwnerId), out var name)
            ? new FollowedActor(r.Kind, r.OwnerId, name.Name, name.Path, r.Count)
            : new FollowedActor(r.Kind, r.OwnerId, "(gone)", null, r.Count))], total);
    }

    /// <summary>The creator or community itself, with its count; null when there is no such one.</summary>
    public async Task<FollowedActor?> FindAsync(ActorKind kind, string ownerId, CancellationToken cancellationToken)
    {
        var names = await NamesAsync([(kind, ownerId)], cancellationToken);
        if (!names.TryGetValue((kind, ownerId), out var name))
        {
            return null;
        }

        var count = await db.RemoteFollowers.CountAsync(f => f.Kind == kind && f.OwnerId == ownerId, cancellationToken);
        return new FollowedActor(kind, ownerId, name.Name, name.Path, count);
    }

    private async Task<Dictionary<(ActorKind, string), (string Name, string Path)>> NamesAsync(
        IReadOnlyCollection<(ActorKind Kind, string OwnerId)> owners, CancellationToken cancellationToken)
    {
        var userIds = owners.Where(o => o.Kind == ActorKind.Person).Select(o => o.OwnerId).ToList();
        var communityIds = owners.Where(o => o.Kind == ActorKind.Group)
            .Select(o => int.TryParse(o.OwnerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().ToList();
        var names = new Dictionary<(ActorKind, string), (string, string)>();
        if (userIds.Count > 0)
        {
            foreach (var user in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken))
            {
                names[(ActorKind.Person, user.Id)] = ($"{user.DisplayName} (@{user.UserName})", "/authors/" + Uri.EscapeDataString(user.UserName!));
            }
        }

        if (communityIds.Count > 0)
        {
            foreach (var community in await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(cancellationToken))
            {
                names[(ActorKind.Group, community.Id.ToString(CultureInfo.InvariantCulture))] = (community.Name, "/" + community.Slug);
            }
        }

        return names;
    }
}
