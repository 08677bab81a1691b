using Folio.Data;
using Folio.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Accounts;

/// <summary>What a request needs of the signed-in account's stored row: its standing and its reading choices.</summary>
public sealed record SignedInAccountRow(
    DateTime? SuspendedUntil, bool Banned, string? SuspensionReason, bool EmailConfirmed, string? Email, ReadingChoices ReadingChoices);

/// <summary>
/// The signed-in account's row, read by primary key once per request for whichever asks first (AccountStandings for the
/// account menu and every write, CurrentReadingChoices for lists), so a signed-in page pays one lookup for both, and a
/// change in settings, through the API or by a moderator applies from the next request. Null for a deleted account.
/// </summary>
public sealed class SignedInAccount(FolioDb db)
{
    private (string UserId, SignedInAccountRow? Row)? _known;

    public async Task<SignedInAccountRow?> ForAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (_known is { } known && known.UserId == userId)
        {
            return known.Row;
        }

        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new SignedInAccountRow(u.SuspendedUntil, u.Banned, u.SuspensionReason, u.EmailConfirmed, u.Email,
                new ReadingChoices(u.HideAiGenerated, u.HiddenWarnings, u.CoverWarnedStories)))
            .FirstOrDefaultAsync(cancellationToken);
        _known = (userId, row);
        return row;
    }

    /// <summary>Forgets what this request read, after it changed the account.</summary>
    public void Forget() => _known = null;
}
