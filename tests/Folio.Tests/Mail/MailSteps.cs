using Folio.Data;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Mail;

/// <summary>Queuing emails as the features that send them do: through the app's MailQueue, saved in one SaveChanges.</summary>
public static class MailSteps
{
    public static async Task QueueAsync(this FolioApp app, EmailContent content, IEnumerable<EmailRecipient> recipients, EmailKind kind = EmailKind.Notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MailQueue>().Enqueue(content, recipients, kind);
        await scope.ServiceProvider.GetRequiredService<FolioDb>().SaveChangesAsync();
    }

    public static EmailContent Content(string subject, string? html = null) =>
        new() { Subject = subject, Text = $"{subject}.", Html = html };
}
