using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation;

/// <summary>
/// Usernames and community slugs share one namespace (DESIGN.md, On the fediverse): acct:earth@host must name one actor,
/// a creator or a community, never both. A name still redirecting (an old username or slug) stays held for its owner.
/// Every path that names a user or a community asks here: sign-up, renames, `user add`, community create and edit.
/// </summary>
public static class SharedNamespace
{
    /// <summary>Whether a community answers at <paramref name="name"/>, or did and still redirects from it.</summary>
    public static async Task<bool> IsCommunityNameAsync(this FolioDb db, string name, CancellationToken cancellationToken)
    {
        // Slugs are stored in lowercase (their pattern allows nothing else).
        var lower = name.ToLowerInvariant();
        return await db.Communities.AnyAsync(c => c.Slug == lower, cancellationToken)
            || await db.CommunitySlugRedirects.AnyAsync(r => r.OldSlug == lower, cancellationToken);
    }

    /// <summary>Whether an account has <paramref name="name"/>, or had it and still redirects from it.</summary>
    public static async Task<bool> IsUsernameAsync(this FolioDb db, string name, CancellationToken cancellationToken)
    {
        // Identity's normalised names are upper case, invariant culture.
        var upper = name.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedUserName == upper, cancellationToken)
            || await db.UsernameRedirects.AnyAsync(r => r.NormalizedOldUserName == upper, cancellationToken);
    }

    public static string UsernameIsACommunity(string username) =>
        $"“{username}” is a community’s address, and usernames and community slugs share one namespace. Choose another username.";

    public static string SlugIsAUsername(string slug) =>
        $"“{slug}” is someone’s username, and usernames and community slugs share one namespace. Choose another slug.";

    /// <summary>
    /// Accounts and communities that share a name today, made before the rule: only the first of the two can be found
    /// by its handle. Joined on the stored names, once, by the `migrate` command.
    /// </summary>
    public static Task<List<NameCollision>> CollisionsAsync(this FolioDb db, CancellationToken cancellationToken) =>
        (from community in db.Communities
         join user in db.Users on community.Slug.ToUpper() equals user.NormalizedUserName
         orderby community.Slug
         select new NameCollision(user.UserName!, community.Slug))
        .ToListAsync(cancellationToken);
}

/// <summary>An account and a community with the same name, which one acct: handle cannot tell apart.</summary>
public sealed record NameCollision(string Username, string Slug)
{
    public string Advice =>
        $"the account @{Username} and the community /{Slug} share a name, which one acct: handle cannot tell apart. Rename the account "
        + $"(signed in as it, at /settings) or the community (at /admin/communities/{Slug}, or `community edit --slug {Slug} --new-slug …`).";
}
