using Folio.Features.Queues;

namespace Folio.Features.Federation.Delivery;

/// <summary>How activities are sent to other servers: Folio:Federation:Delivery:PollInterval, BatchSize, MaxAttempts, Timeout, Parallelism, MaxRetryAfter and KeptFor.</summary>
public sealed class FederationDeliveryOptions() : QueueOptions(Section, batchSize: 100)
{
    public const string Section = "Folio:Federation:Delivery";

    /// <summary>How long a remote inbox has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many inboxes one node posts to at once: a story to a thousand servers waits on their answers, not on this machine.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>The longest a server's Retry-After is obeyed; a longer one is taken as this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a finished delivery (sent or given up) is kept, for an operator looking into a server's complaint.</summary>
    public TimeSpan KeptFor { get; set; } = TimeSpan.FromDays(7);

    public override string? Problem() => base.Problem() ?? this switch
    {
        { Timeout: var timeout } when timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(5) =>
            $"{Section}:Timeout must be between 00:00:01 and 00:05:00 (it is {Timeout}).",
        { Parallelism: < 1 or > 64 } => $"{Section}:Parallelism must be between 1 and 64 (it is {Parallelism}).",
        { MaxRetryAfter: var most } when most < TimeSpan.FromMinutes(1) || most > TimeSpan.FromDays(2) =>
            $"{Section}:MaxRetryAfter must be between 00:01:00 and 2.00:00:00 (it is {MaxRetryAfter}).",
        { KeptFor: var kept } when kept < TimeSpan.FromHours(1) || kept > TimeSpan.FromDays(90) =>
            $"{Section}:KeptFor must be between 01:00:00 and 90.00:00:00 (it is {KeptFor}).",
        _ => null,
    };
}
