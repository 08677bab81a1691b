using Folio.Features.Scaling;
using Microsoft.Extensions.Options;

namespace Folio.Features.Accounts;

/// <summary>
/// The account forms' limits, counted across every node like the API's and comments'. Sign-in counts only wrong
/// passwords, per account and client address and per address: an attacker is stopped where they guess, while the
/// owner signing in from anywhere else is not held up (the account itself is never locked by failures).
/// ASP.NET Core's rate limiter would count per node and before the outcome is known, so it fits neither part.
/// </summary>
public sealed class AccountRateLimiter(IRateLimitCounter counter, IOptions<AccountLimits> options)
{
    /// <summary>Refused while this address has used up its wrong passwords, for this account or for all of them.</summary>
    public async Task<RateDecision> MaySignInAsync(string account, string address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var fromAddress = await counter.PeekAsync(AddressKey(address), limits.SignInFailuresPerAddress, AccountLimits.SignInWindow, cancellationToken);
        return fromAddress.Allowed
            ? await counter.PeekAsync(AccountKey(account, address), limits.SignInFailures, AccountLimits.SignInWindow, cancellationToken)
            : fromAddress;
    }

    public async Task CountFailedSignInAsync(string account, string address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await counter.TryTakeAsync(AddressKey(address), limits.SignInFailuresPerAddress, AccountLimits.SignInWindow, cancellationToken);
        await counter.TryTakeAsync(AccountKey(account, address), limits.SignInFailures, AccountLimits.SignInWindow, cancellationToken);
    }

    public Task<RateDecision> TryTakeSignUpAsync(string address, CancellationToken cancellationToken) =>
        counter.TryTakeAsync("signup:" + address, options.Value.SignUpsPerHour, AccountLimits.HourWindow, cancellationToken);

    public async Task<RateDecision> TryTakeResetEmailAsync(string email, string address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var fromAddress = await counter.TryTakeAsync("reset:address:" + address, limits.ResetRequestsPerHour, AccountLimits.HourWindow, cancellationToken);
        return fromAddress.Allowed
            ? await counter.TryTakeAsync("reset:email:" + email.ToUpperInvariant(), limits.ResetEmailsPerHour, AccountLimits.HourWindow, cancellationToken)
            : fromAddress;
    }

    public Task<RateDecision> TryTakeConfirmationEmailAsync(string userId, CancellationToken cancellationToken) =>
        counter.TryTakeAsync("confirm:" + userId, options.Value.ConfirmationEmailsPerHour, AccountLimits.HourWindow, cancellationToken);

    private static string AddressKey(string address) => "signin:address:" + address;

    private static string AccountKey(string account, string address) => $"signin:account:{account}:{address}";
}
