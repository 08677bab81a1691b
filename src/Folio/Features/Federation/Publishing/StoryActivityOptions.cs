using Folio.Features.Queues;

namespace Folio.Features.Federation.Publishing;

/// <summary>How story activities are queued for delivery: Folio:Federation:Publishing:PollInterval, BatchSize, MaxAttempts and ClaimLease.</summary>
public sealed class StoryActivityOptions() : QueueOptions(Section, batchSize: 10)
{
    public const string Section = "Folio:Federation:Publishing";

    /// <summary>How long a claimed activity waits before another pass may take it, should the node queuing its deliveries die.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public override string? Problem() => base.Problem() ?? (ClaimLease < TimeSpan.FromSeconds(1) || ClaimLease > TimeSpan.FromDays(1)
        ? $"{Section}:ClaimLease must be between 00:00:01 and 1.00:00:00 (it is {ClaimLease})."
        : null);
}
