using Folio.Data;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Accounts;

/// <summary>
/// The accounts Folio keeps for itself (the former member, the fediverse): no password, locked for good, and made the
/// first time something needs one. Each caller says how its account is found and what it holds.
/// </summary>
public sealed class LockedAccounts(FolioDb db, UserManager<FolioUser> users, TimeProvider clock)
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
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(account);
        }
        catch (DbUpdateException)
        {
            // Made by another request between Identity's uniqueness check and its insert; the failed insert must not be retried by the next save.
            db.Entry(account).State = EntityState.Detached;
            created = IdentityResult.Failed(new IdentityError { Description = "The account was being made by another request." });
        }

        if (created.Succeeded)
        {
            return account;
        }

        // Another request made it a moment ago.
        return await find(users)
            ?? throw new InvalidOperationException($"Could not create the account {account.UserName}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
    }
}
