using Microsoft.Extensions.Options;

namespace Folio.Features.Queues;

/// <summary>What every queue's worker reads from its section: PollInterval, BatchSize and MaxAttempts.</summary>
public abstract class QueueOptions(string section, int batchSize)
{
    /// <summary>How often the worker looks for due retries; queuing an item wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many due items one pass takes.</summary>
    public int BatchSize { get; set; } = batchSize;

    /// <summary>Attempts before an item is given up on; the pauses between them follow the queue's <see cref="RetrySchedule"/>.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>What is wrong with the settings, in words for the operator; null when nothing is.</summary>
    public virtual string? Problem() => this switch
    {
        { PollInterval: var poll } when poll < TimeSpan.FromMilliseconds(100) || poll > TimeSpan.FromHours(1) =>
            $"{section}:PollInterval must be between 00:00:00.1 and 01:00:00 (it is {PollInterval}).",
        { BatchSize: < 1 or > 1000 } => $"{section}:BatchSize must be between 1 and 1000 (it is {BatchSize}).",
        { MaxAttempts: < 1 or > 20 } => $"{section}:MaxAttempts must be between 1 and 20 (it is {MaxAttempts}).",
        _ => null,
    };
}

internal sealed class QueueOptionsValidation<TOptions> : IValidateOptions<TOptions>
    where TOptions : QueueOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
