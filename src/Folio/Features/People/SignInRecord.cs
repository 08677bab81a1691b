namespace Folio.Features.People;

/// <summary>One successful sign-in to an account, shown to admins on its page; only the latest few are kept.</summary>
public sealed class SignInRecord
{
    public long Id { get; private set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }

    /// <summary>From <see cref="Accounts.ClientAddress"/>: an IPv6 client as its /64.</summary>
    public required string Address { get; set; }

    public required string UserAgent { get; set; }
}
