using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Federation.Remote;
using Folio.Features.Settings;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.People;

/// <summary>An account as the people list shows it.</summary>
public sealed record PersonRow(string Id, string UserName, string DisplayName, string Email, DateTime JoinedAt, IReadOnlyList<string> Roles, Standing Standing);

/// <summary>
/// Finds accounts by the start of their username or email (the normalized columns' unique indexes) or by a part of
/// their name, a page at a time: only the page's accounts and their roles are read.
/// </summary>
public static class PeopleSearch
{
    public const int PageSize = 20;
    public const int QueryLength = 100;

    private static readonly string[] LockedAccountNames =
        [FormerMemberAccount.UserName.ToUpperInvariant(), FediverseAccount.UserName.ToUpperInvariant()];

    public static async Task<PagedList<PersonRow>> FindAsync(FolioDb db, string? q, int page, DateTime now, CancellationToken cancellationToken)
    {
        // The accounts Folio keeps for itself stand in for people who are not members; they are not managed here.
        var query = db.Users.AsNoTracking().Where(u => !LockedAccountNames.Contains(u.NormalizedUserName!));
        var term = q?.Trim().TrimStart('@') ?? "";
        if (term.Length > 0)
        {
            var upper = term[..Math.Min(term.Length, QueryLength)].ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.StartsWith(upper) || u.NormalizedEmail!.StartsWith(upper) || u.DisplayName.ToUpper().Contains(upper));
        }

        var accounts = await query.OrderByDescending(u => u.JoinedAt).ThenBy(u => u.Id).ToPagedListAsync(page, PageSize, cancellationToken);
        var roles = await RolesOfAsync(db, [.. accounts.Items.Select(u => u.Id)], cancellationToken);
        return accounts.WithItems<PersonRow>([.. accounts.Items.Select(u => Row(u, roles.GetValueOrDefault(u.Id) ?? [], now))]);
    }

    public static PersonRow Row(FolioUser user, IReadOnlyList<string> roles, DateTime now) =>
        new(user.Id, user.UserName!, user.DisplayName, user.Email ?? "", user.JoinedAt, roles, Standing.Of(user, now));

    private static async Task<Dictionary<string, List<string>>> RolesOfAsync(FolioDb db, List<string> userIds, CancellationToken cancellationToken)
    {
        var held = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return held.GroupBy(h => h.UserId).ToDictionary(g => g.Key,
            g => Accounts.Roles.All.Where(role => g.Any(h => h.Name == role)).ToList());
    }
}
