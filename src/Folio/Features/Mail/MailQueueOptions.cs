using Folio.Features.Queues;

namespace Folio.Features.Mail;

/// <summary>How queued emails are sent: Folio:Mail:PollInterval, BatchSize, MaxAttempts, ClaimLease, Connections and MaxPerMinute.</summary>
public sealed class MailQueueOptions() : QueueOptions(Section, batchSize: 50)
{
    public const string Section = "Folio:Mail";

    /// <summary>How long a claimed email waits before another pass may take it, should the node sending it die mid-send.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>SMTP connections this node keeps open and sends over side by side, each reused from email to email.</summary>
    public int Connections { get; set; } = 2;

    /// <summary>The most emails this node sends in a minute, for a provider that limits senders; 0 sends as fast as it can.</summary>
    public int MaxPerMinute { get; set; }

    public override string? Problem() => base.Problem() ?? this switch
    {
        { ClaimLease: var lease } when lease < TimeSpan.FromSeconds(1) || lease > TimeSpan.FromDays(1) =>
            $"{Section}:ClaimLease must be between 00:00:01 and 1.00:00:00 (it is {ClaimLease}).",
        { Connections: < 1 or > 16 } => $"{Section}:Connections must be between 1 and 16 (it is {Connections}).",
        { MaxPerMinute: < 0 or > 1_000_000 } => $"{Section}:MaxPerMinute must be between 0 (no limit) and 1000000 (it is {MaxPerMinute}).",
        _ => null,
    };
}
