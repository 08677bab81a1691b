using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;

namespace Folio.Features.Transfer;

/// <summary>
/// Ghost staff users as Folio accounts: the account with the same email if there is one, else a new creator account
/// without a password (its owner sets one with "Forgot password"), named after the Ghost slug. New accounts are
/// saved at once, inside the import's transaction, without UserManager's queries and commit per account
/// (<see cref="AccountBatch"/>); <see cref="AccountBatch.LoadAsync"/> comes first.
/// </summary>
public sealed class GhostAuthors(FolioDb db, AccountBatch accounts, GhostLinks links, TimeProvider clock)
{
    private readonly Dictionary<string, string> _accountIds = [];

    /// <summary>The account's id, or why there can't be one.</summary>
    public async Task<(string? AccountId, string? Problem)> AccountForAsync(GhostUser author, ImportReport report, CancellationToken cancellationToken)
    {
        var key = author.Id ?? author.Email ?? "";
        if (_accountIds.TryGetValue(key, out var known))
        {
            return (known, null);
        }

        if (string.IsNullOrWhiteSpace(author.Email))
        {
            return (null, $"its author “{author.Name}” has no email address in the export, and every Folio account needs one");
        }

        var accountId = accounts.IdOfEmail(author.Email.Trim());
        if (accountId is null)
        {
            var account = NewAccount(author);
            account.UserName = FreeUsername(UsernameFrom(author));
            var created = accounts.Add(account, [Roles.Reader, Roles.Creator]);
            if (!created.Succeeded)
            {
                return (null, $"its author “{author.Name}” could not get an account: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await db.SaveChangesAsync(cancellationToken);
            report.CreatedAccounts.Add($"{account.UserName} ({account.DisplayName}, {account.Email})");
            accountId = account.Id;
        }

        _accountIds[key] = accountId;
        return (accountId, null);
    }

    /// <summary>A valid username from the Ghost slug (or name, or email): "jane-doe", "author-42", never a reserved one.</summary>
    public static string UsernameFrom(GhostUser author)
    {
        var source = new[] { author.Slug, author.Name, author.Email?.Split('@')[0] }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? "author";
        var name = Shared.Slug.From(source, UsernameRules.MaxLength);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name = ("author-" + name).TrimEnd('-');
        }

        if (name.Length < UsernameRules.MinLength || UsernameRules.IsReserved(name))
        {
            name += "-author";
        }

        return name[..Math.Min(name.Length, UsernameRules.MaxLength)].TrimEnd('-');
    }

    private string FreeUsername(string wanted)
    {
        var candidate = wanted;
        for (var n = 2; accounts.IsTaken(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = wanted[..Math.Min(wanted.Length, UsernameRules.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }

    private FolioUser NewAccount(GhostUser author)
    {
        var displayName = string.IsNullOrWhiteSpace(author.Name) ? author.Slug ?? "Author" : author.Name.Trim();
        var avatar = links.Resolve(author.ProfileImage);
        var website = links.Resolve(author.Website);
        return new FolioUser
        {
            Email = author.Email!.Trim(),
            DisplayName = Cut(displayName, 80),
            Bio = Cut((author.Bio ?? "").Trim(), 1000),
            AvatarUrl = avatar is { Length: <= 500 } ? avatar : null,
            JoinedAt = GhostDates.Parse(author.CreatedAt) ?? clock.GetUtcNow().UtcDateTime,
            Links = website is { Length: <= 500 } ? [new SocialLink { Label = "Website", Url = website }] : [],
        };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
