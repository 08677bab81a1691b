using System.Security.Claims;
using Folio.Features.Accounts;

namespace Folio.Features.Standing;

/// <summary>
/// Decides whether a signed-in account may act, from what is stored now: the account's row read once per request
/// (<see cref="SignedInAccount"/>), so a suspension stops existing sessions and tokens at once.
/// </summary>
public sealed class AccountStandings(SignedInAccount accounts, EmailConfirmationRule confirmation, TimeProvider clock)
{
    private (string UserId, StandingRefusal? Refusal)? _known;

    /// <summary>Null when the account may act (and for visitors, whom sign-in handles).</summary>
    public async Task<StandingRefusal?> RefusalForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserId() is not { } userId)
        {
            return null;
        }

        if (_known is { } known && known.UserId == userId)
        {
            return known.Refusal;
        }

        var account = await accounts.ForAsync(userId, cancellationToken);
        StandingRefusal? refusal = null;
        if (account is null)
        {
            // Deleted while signed in: nothing may be done in its name.
            refusal = new StandingRefusal(RefusalKind.Banned, null, null, null);
        }
        else if (account.Banned)
        {
            refusal = new StandingRefusal(RefusalKind.Banned, null, account.SuspensionReason, account.Email);
        }
        else if (account.SuspendedUntil is { } until && until > clock.GetUtcNow().UtcDateTime)
        {
            refusal = new StandingRefusal(RefusalKind.Suspended, until, account.SuspensionReason, account.Email);
        }
        else if (!account.EmailConfirmed && await confirmation.IsRequiredAsync(cancellationToken))
        {
            refusal = new StandingRefusal(RefusalKind.EmailUnconfirmed, null, null, account.Email);
        }

        _known = (userId, refusal);
        return refusal;
    }

    /// <summary>Forgets what this request read, after it changed the account (a confirmed email).</summary>
    public void Forget()
    {
        _known = null;
        accounts.Forget();
    }
}
