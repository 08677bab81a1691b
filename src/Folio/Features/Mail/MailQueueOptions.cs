using Folio.Features.Queues;

namespace Folio.Features.Mail;

/// <summary>How queued emails are sent: Folio:Mail:PollInterval, BatchSize and MaxAttempts.</summary>
public sealed class MailQueueOptions() : QueueOptions(Section, batchSize: 50)
{
    public const string Section = "Folio:Mail";
}
