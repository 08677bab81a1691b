using Folio.Features.Queues;

namespace Folio.Features.Newsletters;

/// <summary>How new stories are announced: Folio:Announcements:PollInterval, BatchSize, MaxAttempts, ClaimLease and FanOutBatchSize.</summary>
public sealed class AnnouncementOptions() : QueueOptions(Section, batchSize: 10)
{
    public const string Section = "Folio:Announcements";

    /// <summary>How long a claimed announcement waits before another pass may take it, should the node telling readers die.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Readers told per saved batch: each batch is one short write, so a crash mid-way repeats at most nothing.</summary>
    public int FanOutBatchSize { get; set; } = 1000;

    public override string? Problem() => base.Problem() ?? this switch
    {
        { ClaimLease: var lease } when lease < TimeSpan.FromSeconds(1) || lease > TimeSpan.FromDays(1) =>
            $"{Section}:ClaimLease must be between 00:00:01 and 1.00:00:00 (it is {ClaimLease}).",
        { FanOutBatchSize: < 10 or > 5000 } => $"{Section}:FanOutBatchSize must be between 10 and 5000 (it is {FanOutBatchSize}).",
        _ => null,
    };
}
