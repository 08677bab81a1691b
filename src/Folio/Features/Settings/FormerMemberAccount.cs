using Folio.Features.Accounts;
using Folio.Features.Creators;

namespace Folio.Features.Settings;

/// <summary>
/// The account that keeps stories and comments whose authors deleted their accounts but let their words stay.
/// Its username is reserved, so nobody can sign up as it; it has no password and is locked for good.
/// </summary>
public sealed class FormerMemberAccount(LockedAccounts accounts)
{
    public const string UserName = "anonymous";
    public const string DisplayName = "Former member";

    public Task<FolioUser> GetOrCreateAsync() => accounts.FindOrCreateAsync(users => users.FindByNameAsync(UserName), new FolioUser
    {
        UserName = UserName,
        Email = "anonymous@former-members.invalid",
        DisplayName = DisplayName,
        Bio = "Stories and comments by people who have left, kept with their permission.",
    });
}
