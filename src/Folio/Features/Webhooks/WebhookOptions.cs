using Folio.Features.Queues;

namespace Folio.Features.Webhooks;

/// <summary>How deliveries are sent: Folio:Webhooks:PollInterval, BatchSize, MaxAttempts and Timeout.</summary>
public sealed class WebhookOptions() : QueueOptions(Section, batchSize: 20)
{
    public const string Section = "Folio:Webhooks";

    /// <summary>How long a receiver has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public override string? Problem() => base.Problem() ?? (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(5)
        ? $"{Section}:Timeout must be between 00:00:01 and 00:05:00 (it is {Timeout})."
        : null);
}
