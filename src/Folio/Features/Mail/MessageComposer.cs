using Folio.Features.SiteAdmin;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Folio.Features.Mail;

/// <summary>
/// One email as MIME: from the sender an admin chose at /admin/site, else Folio:Smtp:From; text and, when there is one,
/// HTML as multipart/alternative; one-click unsubscribe headers (RFC 8058) when the email has an unsubscribe link.
/// </summary>
public sealed class MessageComposer(IOptions<MailOptions> options, CurrentSite site, TimeProvider clock)
{
    public async Task<MimeMessage> ComposeAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var configured = MailboxAddress.Parse(options.Value.From);
        var chosen = await site.GetAsync(cancellationToken);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(chosen.SenderName ?? configured.Name, chosen.SenderAddress ?? configured.Address));
        if (email.MessageKey is { } key)
        {
            // The configured domain, not the chosen sender's: an email sent again after an admin changed the sender
            // between its attempts keeps its Message-ID.
            message.MessageId = $"{key}@{configured.Domain}";
        }

        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Date = clock.GetUtcNow();
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        return message;
    }
}
