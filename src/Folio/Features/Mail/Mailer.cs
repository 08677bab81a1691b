using Folio.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Folio.Features.Mail;

/// <param name="MessageKey">The local part of the Message-ID, for an email that may be sent more than once; random when null.</param>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Text, string? MessageKey = null)
{
    /// <summary>The HTML part, sent beside the text as multipart/alternative.</summary>
    public string? Html { get; init; }

    /// <summary>Where one click unsubscribes: sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).</summary>
    public string? UnsubscribeUrl { get; init; }

    public EmailKind Kind { get; init; } = EmailKind.Notification;

    /// <summary>The account it goes to, when it goes to one.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The story a new-story email announces.</summary>
    public int? StoryId { get; init; }
}

/// <summary>
/// Hands one email to the SMTP server over this node's <see cref="SmtpConnections"/>, or writes it to the outbox. Only the
/// mail queue's worker calls it: everything else queues, so a slow or failing server never holds up a request.
/// </summary>
public sealed class Mailer(
    MessageComposer composer, IOptions<MailOptions> options, SmtpConnections connections, MailThrottle throttle, DataDirectory dataDirectory,
    ILogger<Mailer> logger)
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        // Addresses are checked where they enter, but one stored before that check may not parse; it can't be sent to,
        // and the request or queue that asked must not fail because of it.
        if (!DeliverableAddressAttribute.IsDeliverable(email.ToAddress))
        {
            logger.LogWarning("Not sending “{Subject}”: {To} is not an address MailKit can send to", email.Subject, email.ToAddress);
            return;
        }

        var message = await composer.ComposeAsync(email, cancellationToken);
        await throttle.WaitTurnAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            await WriteToOutboxAsync(message, email, cancellationToken);
            return;
        }

        await connections.SendAsync(message, cancellationToken);
        logger.LogInformation("Sent “{Subject}” to {To}", email.Subject, email.ToAddress);
    }

    private async Task WriteToOutboxAsync(MimeMessage message, OutgoingEmail email, CancellationToken cancellationToken)
    {
        var outbox = dataDirectory.File("outbox");
        Directory.CreateDirectory(outbox);
        var path = Path.Combine(outbox, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");

        // Written aside and moved in whole, so whoever reads the outbox never opens a message half written.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("SMTP is not configured: “{Subject}” to {To} was written to {Path}", email.Subject, email.ToAddress, path);
    }
}
