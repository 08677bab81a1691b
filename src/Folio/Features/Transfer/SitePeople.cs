using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's people as accounts here: the account with the same email if there is one, else a new one with the
/// exported profile, roles and settings and no password (passwords never leave a site).
/// </summary>
public sealed class SitePeople(UserManager<FolioUser> users)
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public string? IdOf(string username) => _ids.GetValueOrDefault(username);

    public async Task AddAsync(IEnumerable<ExportedPerson> people, ImportReport report)
    {
        foreach (var person in people)
        {
            var account = person.Email is { Length: > 0 } email ? await users.FindByEmailAsync(email) : null;
            if (account is null)
            {
                account = await CreateAsync(person, report);
            }

            if (account is not null)
            {
                _ids[person.Username] = account.Id;
            }
        }
    }

    private async Task<FolioUser?> CreateAsync(ExportedPerson person, ImportReport report)
    {
        var account = new FolioUser
        {
            UserName = person.Username,
            Email = person.Email,
            EmailConfirmed = person.EmailConfirmed,
            DisplayName = person.DisplayName ?? person.Username,
            Bio = person.Bio ?? "",
            AvatarUrl = person.AvatarUrl,
            JoinedAt = person.JoinedAt,
            Links = [.. (person.Links ?? []).Select(l => new SocialLink { Label = l.Label, Url = l.Url })],
            EmailOnReply = person.Notifications?.EmailOnReply ?? true,
            EmailOnReview = person.Notifications?.EmailOnReview ?? true,
            LockoutEnabled = true,
            LockoutEnd = person.LockedUntil,
        };
        if (await users.FindByNameAsync(person.Username) is not null)
        {
            report.Skip($"person {person.Username}", "another account here has that username and a different email; their stories and comments are skipped too");
            return null;
        }

        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            report.Skip($"person {person.Username}", string.Join(" ", created.Errors.Select(e => e.Description)));
            return null;
        }

        var roles = (person.Roles ?? []).Where(r => Accounts.Roles.All.Contains(r)).ToList();
        if (roles.Count > 0)
        {
            await users.AddToRolesAsync(account, roles);
        }

        report.CreatedAccounts.Add($"{account.UserName} ({account.DisplayName})");
        return account;
    }
}
