using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Accounts;

/// <summary>
/// The accounts Folio keeps for itself (the former member, the fediverse): no password, locked for good, and made the
/// first time something needs one. Each caller says how its account is found and what it holds.
/// </summary>
public sealed class LockedAccounts(UserManager<FolioUser> users, TimeProvider clock)
{
    /// <summary>The account <paramref name="find"/> finds, or <paramref name="account"/> created, locked.</summary>
    public async Task<FolioUser> FindOrCreateAsync(Func<UserManager<FolioUser>, Task<FolioUser?>> find, FolioUser account)
    {
        if (await find(users) is { } existing)
        {
            return existing;
        }

        account.JoinedAt = clock.GetUtcNow().UtcDateTime;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        var created = await users.CreateAsync(account);
        if (created.Succeeded)
        {
            return account;
        }

        // Another request made it a moment ago.
        return await find(users)
            ?? throw new InvalidOperationException($"Could not create the account {account.UserName}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
    }
}
