namespace Folio.Features.Mail;

/// <summary>
/// What an email is for. Account emails (confirm an address, reset a password) are always sent; the others follow the
/// reader's choices, carry an unsubscribe link, and stop at an address that keeps failing.
/// </summary>
public enum EmailKind
{
    Account = 0,
    Notification = 1,
    NewStory = 2,
    Digest = 3,
    Test = 4,
}
