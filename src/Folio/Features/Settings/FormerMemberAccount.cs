using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Settings;

/// <summary>
/// The account that keeps stories and comments whose authors deleted their accounts but let their words stay.
/// Its username is reserved, so nobody can sign up as it; it has no password and is locked for good.
/// </summary>
public sealed class FormerMemberAccount(UserManager<FolioUser> users, TimeProvider clock)
{
    public const string UserName = "anonymous";
    public const string DisplayName = "Former member";

    public async Task<FolioUser> GetOrCreateAsync()
    {
        if (await users.FindByNameAsync(UserName) is { } existing)
        {
            return existing;
        }

        var account = new FolioUser
        {
            UserName = UserName,
            Email = "anonymous@former-members.invalid",
            DisplayName = DisplayName,
            Bio = "Stories and comments by people who have left, kept with their permission.",
            JoinedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        var created = await users.CreateAsync(account);
        if (created.Succeeded)
        {
            return account;
        }

        // Another deletion created it a moment ago.
        return await users.FindByNameAsync(UserName)
            ?? throw new InvalidOperationException("Could not create the former-member account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
    }
}
