namespace Folio.Features.Mail;

/// <summary>
/// The subject and body of one or more queued emails: a new story goes to ten thousand subscribers as one stored content
/// and ten thousand small <see cref="QueuedEmail"/> rows. What differs per recipient, the unsubscribe link, stands in the
/// body as <see cref="RecipientMarker"/>, which the sender replaces; it is random per content, so no story text can forge it.
/// </summary>
public sealed class EmailContent
{
    public int Id { get; private set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public string? Html { get; set; }

    /// <summary>Replaced, when sent, by the recipient's unsubscribe address (in the text and, HTML-encoded, in the HTML).</summary>
    public string RecipientMarker { get; set; } = "unsubscribe-" + Guid.NewGuid().ToString("N");
}
