using Folio.Data;
using Folio.Features.Creators;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Mail;

/// <summary>
/// An address the mail server refused for good (SMTP 5xx) <see cref="FailuresInARow"/> times in a row gets no more
/// emails but account ones: sending on to it would only hurt the site's standing with mail providers. A sent email
/// resets the count; a new address, or the person asking to try again, lifts the stop.
/// </summary>
public static class EmailStops
{
    public const int FailuresInARow = 3;

    private const int MaxReasonLength = 500;

    /// <summary>True when Folio no longer emails this person (account emails apart): check it before queuing one.</summary>
    public static bool IsStopped(FolioUser user) => user.EmailStoppedAt is not null;

    /// <summary>Forgets the failures, for a changed address or one its owner says works again; the caller saves.</summary>
    public static void Clear(FolioUser user)
    {
        user.EmailFailures = 0;
        user.LastEmailFailure = null;
        user.EmailStoppedAt = null;
    }

    /// <summary>Whether Folio stopped emailing the person, and whether failures are counted against their address; null for a deleted account.</summary>
    internal static Task<AddressStanding?> StandingAsync(FolioDb db, string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new AddressStanding(u.EmailStoppedAt != null, u.EmailFailures > 0))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Counts a refusal against the account, only while the address refused is still its address (a link to a new
    /// address that does not exist must not stop the old one that works).
    /// </summary>
    internal static async Task RecordRefusalAsync(FolioDb db, QueuedEmail email, string reason, DateTime at)
    {
        var said = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        var account = db.Users.Where(u => u.Id == email.RecipientId && u.Email == email.ToAddress);
        await account.ExecuteUpdateAsync(set => set
            .SetProperty(u => u.EmailFailures, u => u.EmailFailures + 1)
            .SetProperty(u => u.LastEmailFailure, said));
        await account.Where(u => u.EmailFailures >= FailuresInARow && u.EmailStoppedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailStoppedAt, at));
    }

    internal static Task RecordDeliveryAsync(FolioDb db, QueuedEmail email) =>
        db.Users.Where(u => u.Id == email.RecipientId && u.Email == email.ToAddress && u.EmailFailures > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailFailures, 0));
}

internal sealed record AddressStanding(bool Stopped, bool Failing);
