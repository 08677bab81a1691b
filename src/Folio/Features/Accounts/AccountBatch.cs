using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Folio.Data;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Accounts;

/// <summary>
/// Accounts without a password, created many at a time (imports), under the rules UserManager.CreateAsync applies one
/// at a time: the same normalisation, username characters, email check, uniqueness and lockout setting, and the same
/// error messages. UserManager asks the database twice per account for uniqueness and saves (and commits) once for the
/// account and once for its roles, which cost an import about 110 ms per person; here the names and emails already
/// taken are read once, and the accounts and their roles are saved with the caller's next save.
/// </summary>
public sealed class AccountBatch(FolioDb db, UserManager<FolioUser> users, IOptions<IdentityOptions> identity, IdentityErrorDescriber errors)
{
    private static readonly EmailAddressAttribute EmailRule = new();

    private readonly Dictionary<string, string> _idsByEmail = [];
    private readonly HashSet<string> _names = [];
    private readonly Dictionary<string, string> _roleIds = [];

    /// <summary>The id of the account with this email, here before or added to this batch.</summary>
    public string? IdOfEmail(string email) => _idsByEmail.GetValueOrDefault(users.NormalizeEmail(email) ?? "");

    public bool IsTaken(string username) => _names.Contains(users.NormalizeName(username) ?? "");

    /// <summary>Adds the account and its roles to the context, unsaved, or says why it can't be created.</summary>
    public IdentityResult Add(FolioUser account, IEnumerable<string> roles)
    {
        var problems = Validate(account);
        var roleIds = roles.Select(users.NormalizeName).Distinct().Select(role => _roleIds.GetValueOrDefault(role ?? "")).ToList();
        if (roleIds.Contains(null))
        {
            problems.Add(errors.DefaultError());
        }

        if (problems.Count > 0)
        {
            return IdentityResult.Failed([.. problems]);
        }

        account.NormalizedUserName = users.NormalizeName(account.UserName);
        account.NormalizedEmail = users.NormalizeEmail(account.Email);
        account.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        account.LockoutEnabled = identity.Value.Lockout.AllowedForNewUsers;
        db.Users.Add(account);
        db.UserRoles.AddRange(roleIds.Select(roleId => new IdentityUserRole<string> { UserId = account.Id, RoleId = roleId! }));
        _names.Add(account.NormalizedUserName!);
        _idsByEmail[account.NormalizedEmail!] = account.Id;
        return IdentityResult.Success;
    }

    // UserValidator's rules, with the uniqueness checks against what was read once.
    private List<IdentityError> Validate(FolioUser account)
    {
        var problems = new List<IdentityError>();
        var allowed = identity.Value.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(account.UserName) || (!string.IsNullOrEmpty(allowed) && account.UserName.Any(c => !allowed.Contains(c))))
        {
            problems.Add(errors.InvalidUserName(account.UserName));
        }
        else if (IsTaken(account.UserName))
        {
            problems.Add(errors.DuplicateUserName(account.UserName));
        }

        if (identity.Value.User.RequireUniqueEmail)
        {
            if (string.IsNullOrWhiteSpace(account.Email) || !EmailRule.IsValid(account.Email))
            {
                problems.Add(errors.InvalidEmail(account.Email));
            }
            else if (IdOfEmail(account.Email) is not null)
            {
                problems.Add(errors.DuplicateEmail(account.Email));
            }
        }

        return problems;
    }

    /// <summary>Reads the names, emails and roles already here; call once, before the rest.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await foreach (var user in db.Users.AsNoTracking().Select(u => new { u.Id, u.NormalizedUserName, u.NormalizedEmail }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            _names.Add(user.NormalizedUserName ?? "");
            if (user.NormalizedEmail is { } email)
            {
                _idsByEmail.TryAdd(email, user.Id);
            }
        }

        // Usernames and community slugs share one namespace (SharedNamespace): a community's name is taken for accounts too.
        var communityNames = await db.Communities.Select(c => c.Slug).Concat(db.CommunitySlugRedirects.Select(r => r.OldSlug)).ToListAsync(cancellationToken);
        _names.UnionWith(communityNames.Select(users.NormalizeName).OfType<string>());

        foreach (var role in await db.Roles.AsNoTracking().ToListAsync(cancellationToken))
        {
            _roleIds[role.NormalizedName ?? ""] = role.Id;
        }
    }
}
