using Folio.Features.Scaling;

namespace Folio.Features.Mail;

/// <summary>Wakes the mail workers as soon as an email is queued instead of at their next poll.</summary>
public sealed class MailQueueSignal(IQueueWakeUps wakeUps) : QueueSignal("mail", wakeUps);
