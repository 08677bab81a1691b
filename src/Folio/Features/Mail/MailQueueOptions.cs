using Folio.Features.Queues;

namespace Folio.Features.Mail;

/// <summary>How queued emails are sent: Folio:Mail:PollInterval, BatchSize, MaxAttempts and ClaimLease.</summary>
public sealed class MailQueueOptions() : QueueOptions(Section, batchSize: 50)
{
    public const string Section = "Folio:Mail";

    /// <summary>How long a claimed email waits before another pass may take it, should the node sending it die mid-send.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    public override string? Problem() => base.Problem() ?? (ClaimLease < TimeSpan.FromSeconds(1) || ClaimLease > TimeSpan.FromDays(1)
        ? $"{Section}:ClaimLease must be between 00:00:01 and 1.00:00:00 (it is {ClaimLease})."
        : null);
}
