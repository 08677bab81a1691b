using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Discovery;

/// <summary>A local actor a WebFinger resource names: its handle's name, its id and its HTML page.</summary>
public sealed record FoundActor(string Name, string Id, string Page);

/// <summary>
/// Finds the actor a WebFinger resource names (RFC 7033): acct:name@host, where the name is a username or a community
/// slug (one namespace) or an old one still redirecting; or the actor's id or its page. The instance answers to
/// acct:host@host, as Mastodon's does.
/// </summary>
public sealed class WebFinger(FolioDb db, FederationUrls ids)
{
    /// <summary>Why the resource can't be read (400), or null.</summary>
    public static string? Problem(string? resource) => resource switch
    {
        null or "" => "Ask for a resource: ?resource=acct:name@host, or an actor's address.",
        _ when resource.StartsWith("acct:", StringComparison.OrdinalIgnoreCase) && AcctParts(resource) is null =>
            $"“{resource}” is not an acct: URI like acct:name@host.",
        _ when !resource.StartsWith("acct:", StringComparison.OrdinalIgnoreCase) && !Uri.TryCreate(resource, UriKind.Absolute, out _) =>
            $"“{resource}” is neither an acct: URI nor an absolute URL.",
        _ => null,
    };

    public async Task<FoundActor?> FindAsync(string resource, CancellationToken cancellationToken)
    {
        if (AcctParts(resource) is var (name, host))
        {
            return host.Equals(ids.Host, StringComparison.OrdinalIgnoreCase) ? await ByNameAsync(name, cancellationToken) : null;
        }

        var uri = new Uri(resource);
        if (!uri.Authority.Equals(ids.Host, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments switch
        {
            ["ap", "actor"] => Instance(),
            ["ap", "people", var userId] => await PersonAsync(db.Users.Where(u => u.Id == userId), cancellationToken),
            ["ap", "communities", var id] when int.TryParse(id, out var communityId) => await GroupAsync(db.Communities.Where(c => c.Id == communityId), cancellationToken),
            ["authors", var username] => await ByUsernameAsync(Uri.UnescapeDataString(username), cancellationToken),
            [var slug] when slug != "" => await BySlugAsync(Uri.UnescapeDataString(slug), cancellationToken),
            _ => null,
        };
    }

    private async Task<FoundActor?> ByNameAsync(string name, CancellationToken cancellationToken) =>
        name.Equals(ids.Host, StringComparison.OrdinalIgnoreCase) ? Instance()
        : await ByUsernameAsync(name, cancellationToken) ?? await BySlugAsync(name, cancellationToken);

    private async Task<FoundActor?> ByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var upper = username.ToUpperInvariant();
        return await PersonAsync(db.Users.Where(u => u.NormalizedUserName == upper), cancellationToken)
            ?? await PersonAsync(db.UsernameRedirects.Where(r => r.NormalizedOldUserName == upper).Select(r => r.User), cancellationToken);
    }

    private async Task<FoundActor?> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        return await GroupAsync(db.Communities.Where(c => c.Slug == lower), cancellationToken)
            ?? await GroupAsync(db.CommunitySlugRedirects.Where(r => r.OldSlug == lower).Select(r => r.Community), cancellationToken);
    }

    private async Task<FoundActor?> PersonAsync(IQueryable<Creators.FolioUser> users, CancellationToken cancellationToken) =>
        await users.Where(u => !u.FederationOff).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(cancellationToken) is { } user
            ? new FoundActor(user.UserName!, ids.Person(user.Id), ids.Origin + $"/authors/{user.UserName}")
            : null;

    private async Task<FoundActor?> GroupAsync(IQueryable<Communities.Community> communities, CancellationToken cancellationToken) =>
        await communities.Select(c => new { c.Id, c.Slug }).FirstOrDefaultAsync(cancellationToken) is { } community
            ? new FoundActor(community.Slug, ids.Group(community.Id), ids.Origin + $"/{community.Slug}")
            : null;

    private FoundActor Instance() => new(ids.Host, ids.Instance, ids.Origin + "/");

    /// <summary>acct:name@host (a leading @ on the name forgiven), or null when it is not one.</summary>
    private static (string Name, string Host)? AcctParts(string resource)
    {
        if (!resource.StartsWith("acct:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var handle = Uri.UnescapeDataString(resource[5..]).TrimStart('@');
        var at = handle.LastIndexOf('@');
        return at > 0 && at < handle.Length - 1 && !handle[..at].Contains('@') ? (handle[..at], handle[(at + 1)..]) : null;
    }
}
