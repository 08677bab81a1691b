using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Accounts;

/// <summary>How much guessing, signing up and asking for reset emails one client may do (Folio:Accounts).</summary>
public sealed class AccountLimits
{
    public const string Section = "Folio:Accounts";

    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan HourWindow = TimeSpan.FromHours(1);

    /// <summary>Wrong passwords for one account from one client address in 15 minutes; the owner elsewhere is never held up.</summary>
    [Range(1, 1_000)]
    public int SignInFailures { get; set; } = 5;

    /// <summary>Wrong passwords from one client address in 15 minutes, whichever accounts they were for.</summary>
    [Range(1, 10_000)]
    public int SignInFailuresPerAddress { get; set; } = 20;

    [Range(1, 1_000)]
    public int SignUpsPerHour { get; set; } = 5;

    /// <summary>Reset emails to one email address an hour, whether or not an account uses it (so the limit tells nothing).</summary>
    [Range(1, 1_000)]
    public int ResetEmailsPerHour { get; set; } = 3;

    [Range(1, 10_000)]
    public int ResetRequestsPerHour { get; set; } = 10;

    /// <summary>New confirmation links one account may ask for in an hour (the check-inbox page and settings).</summary>
    [Range(1, 1_000)]
    public int ConfirmationEmailsPerHour { get; set; } = 3;
}
