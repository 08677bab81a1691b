using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Newsletters;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's people as accounts here: the account with the same email if there is one, else a new one with the
/// exported profile, roles and settings and no password (passwords never leave a site). New accounts are saved a
/// batch at a time (<see cref="AccountBatch"/>).
/// </summary>
public sealed class SitePeople(FolioDb db, AccountBatch accounts)
{
    private const int SaveEvery = 500;

    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public string? IdOf(string username) => _ids.GetValueOrDefault(username);

    public async Task AddAsync(IEnumerable<ExportedPerson> people, ImportReport report, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unsaved = 0;
        foreach (var person in people)
        {
            if ((person.Email is { Length: > 0 } email ? accounts.IdOfEmail(email) : null) is { } existing)
            {
                _ids[person.Username] = existing;
            }
            else if (Create(person, report) is { } created)
            {
                _ids[person.Username] = created;
                if (++unsaved % SaveEvery == 0)
                {
                    await SaveAsync(cancellationToken);
                }
            }
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private string? Create(ExportedPerson person, ImportReport report)
    {
        if (accounts.IsTaken(person.Username))
        {
            report.Skip($"person {person.Username}", "another account here has that username and a different email; their stories and comments are skipped too");
            return null;
        }

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
            NewsletterDelivery = NewStories(person, report),
            EmailWholeStories = person.Notifications?.EmailWholeStories ?? false,
            TimeZone = Zone(person, report),
            LockoutEnd = person.LockedUntil,
            HideAiGenerated = person.ReadingChoices?.HideAiGenerated ?? false,
            HiddenWarnings = HiddenWarnings(person, report),
            CoverWarnedStories = person.ReadingChoices?.CoverWarnedStories ?? false,
        };
        var created = accounts.Add(account, (person.Roles ?? []).Where(r => Roles.All.Contains(r)));
        if (!created.Succeeded)
        {
            report.Skip($"person {person.Username}", string.Join(" ", created.Errors.Select(e => e.Description)));
            return null;
        }

        report.CreatedAccounts.Add($"{account.UserName} ({account.DisplayName})");
        return account.Id;
    }

    // A warning this Folio does not know hides nothing, and the report says so.
    private static ContentWarnings HiddenWarnings(ExportedPerson person, ImportReport report)
    {
        var hidden = ContentWarnings.None;
        foreach (var name in person.ReadingChoices?.HiddenWarnings ?? [])
        {
            if (LabelNames.TryParseWarning(name, out var warning))
            {
                hidden |= warning;
            }
            else
            {
                report.Note($"person {person.Username}", $"hidden warning “{name}” is not one Folio knows; it was left out");
            }
        }

        return hidden;
    }

    // An export from before newsletters has no choice: the default, as for anyone who never chose.
    private static Delivery NewStories(ExportedPerson person, ImportReport report)
    {
        var exported = person.Notifications?.NewStories;
        if (exported is null)
        {
            return Delivery.Immediately;
        }

        if (KebabNames.Parse<Delivery>(exported) is { } delivery)
        {
            return delivery;
        }

        report.Note($"person {person.Username}", $"new stories by email: “{exported}” is not a choice here, so they get each one at once");
        return Delivery.Immediately;
    }

    private static string? Zone(ExportedPerson person, ImportReport report)
    {
        if (person.TimeZone is not { } zone || TimeZones.IsKnown(zone))
        {
            return person.TimeZone;
        }

        report.Note($"person {person.Username}", $"time zone “{zone}” is not known here, so it is left unset (UTC)");
        return null;
    }
}
