using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Accounts;

/// <summary>
/// Refuses a username that names a community (<see cref="SharedNamespace"/>) on every way an account is made or renamed
/// through the user manager: sign-up, Settings → Profile, `user add`. A name that is not changing is let through, so an
/// account that collided before the rule can still save its other changes.
/// </summary>
public sealed class SharedNamespaceValidator(FolioDb db) : IUserValidator<FolioUser>
{
    public const string ErrorCode = "UserNameIsACommunity";

    public async Task<IdentityResult> ValidateAsync(UserManager<FolioUser> manager, FolioUser user)
    {
        if (user.UserName is not { } name || !await NameIsNewAsync(manager, user, name) || !await db.IsCommunityNameAsync(name, CancellationToken.None))
        {
            return IdentityResult.Success;
        }

        return IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = SharedNamespace.UsernameIsACommunity(name) });
    }

    // Read from the database without tracking: the user manager validates before it normalises and saves, and asking
    // the change tracker about the account here (db.Entry) kept a rename's change from evicting the cached pages.
    private async Task<bool> NameIsNewAsync(UserManager<FolioUser> manager, FolioUser user, string name)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.NormalizedUserName).FirstOrDefaultAsync();
        return stored is null || manager.NormalizeName(name) != stored;
    }
}
