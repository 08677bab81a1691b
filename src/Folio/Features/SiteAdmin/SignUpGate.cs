namespace Folio.Features.SiteAdmin;

/// <summary>Whether the sign-up page may make an account now, and with which invite: the site's sign-up mode, applied.</summary>
public sealed record SignUpAdmission(string? Refusal, SiteInvite? Invite);

/// <summary>
/// The sign-up page's door. Only the page asks: the API and the command line make accounts whatever the mode, since
/// only admins can use them to.
/// </summary>
public sealed class SignUpGate(CurrentSite current, SiteInvites invites)
{
    public const string Closed = "Sign-up is closed on this site for now. If you were expecting to join, ask the people who run it.";
    public const string InviteNeeded = "This site is invitation only. To join, open the invite link someone who runs it sent you.";
    public const string InviteUnusable = "This invite link has expired, was already used or was revoked. Ask the person who invited you for a new one.";

    public async Task<SignUpAdmission> CheckAsync(string? invite, CancellationToken cancellationToken)
    {
        switch ((await current.GetAsync(cancellationToken)).SignUpMode)
        {
            case SignUpMode.Closed:
                return new SignUpAdmission(Closed, null);
            case SignUpMode.InviteOnly when string.IsNullOrWhiteSpace(invite):
                return new SignUpAdmission(InviteNeeded, null);
            case SignUpMode.InviteOnly:
                var found = await invites.FindUsableAsync(invite, cancellationToken);
                return new SignUpAdmission(found is null ? InviteUnusable : null, found);
            default:
                return new SignUpAdmission(null, null);
        }
    }

    public Task<bool> SpendAsync(SiteInvite invite, string userId, CancellationToken cancellationToken) =>
        invites.SpendAsync(invite, userId, cancellationToken);
}
