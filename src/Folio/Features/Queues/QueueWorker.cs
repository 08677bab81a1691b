using Folio.Data;
using Folio.Features.Scaling;
using Microsoft.Extensions.Options;

namespace Folio.Features.Queues;

/// <summary>
/// Drains one queue kept in the database. A pass takes the items that are due, claims each (so that of several nodes, or
/// of a pass run by hand beside this one, exactly one attempts it), attempts it and records how it went: done, due again
/// after the <see cref="RetrySchedule"/>'s pause, or given up after <see cref="QueueOptions.MaxAttempts"/>. Between
/// passes the worker sleeps until something is queued or the poll interval has passed. All state is in the database: a
/// node that dies mid-attempt leaves its claim to expire, and the item is tried again. A queue of many short attempts
/// (email) may claim a pass's whole batch in one statement instead (<see cref="ClaimBatchAsync"/>).
/// </summary>
public abstract class QueueWorker<TItem, TOutcome>(
    IServiceScopeFactory scopes, QueueSignal signal, IOptions<QueueOptions> options, RetrySchedule retries, TimeProvider clock, ILogger logger)
    : BackgroundService
    where TItem : IQueuedItem
    where TOutcome : IAttemptOutcome
{
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the loop runs. Stopping the worker on its own before that (as tests do) would cancel the
    /// not-yet-started task, which the host reads as a crash and stops the whole site.
    /// </summary>
    public Task Running => _running.Task;

    /// <summary>How many items of a pass are attempted at once.</summary>
    protected virtual int Parallelism => 1;

    /// <summary>Attempts what is due now and returns how many went through.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default) => (await PassAsync(cancellationToken)).Succeeded;

    private async Task<(int Due, int Succeeded)> PassAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        List<TItem> due;
        ClaimedBatch? batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            due = await DueAsync(db, clock.GetUtcNow().UtcDateTime, settings, cancellationToken);
            batch = due.Count == 0 ? null : await ClaimBatchAsync(db, due, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var succeeded = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch?.Items ?? due, parallel, async (item, token) =>
        {
            if (await ProcessAsync(item, batch?.AttemptBefore, settings.MaxAttempts, token))
            {
                Interlocked.Increment(ref succeeded);
            }
        });
        return (due.Count, succeeded);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running.TrySetResult();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var full = false;
                try
                {
                    // A full batch may have more behind it: the next pass starts at once rather than a poll interval later.
                    full = (await PassAsync(stoppingToken)).Due >= options.Value.BatchSize;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The {Queue} queue could not be read; trying again shortly", signal.Queue);
                }

                if (!full)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: what is still queued stays in the database for the next start (or another node). Ending quietly
            // matters when only this service is stopped, since the host treats any exception from here as a crash.
        }
    }

    /// <summary>The items due at <paramref name="now"/>, the longest waiting first, at most <see cref="QueueOptions.BatchSize"/>.</summary>
    protected abstract Task<List<TItem>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the attempt and moves the item's next one past the time this one can take, only if nobody did first:
    /// false when another pass claimed it. Should this node die mid-attempt, the item comes due again then. Called just
    /// before each attempt, unless <see cref="ClaimBatchAsync"/> claimed the whole batch.
    /// </summary>
    protected virtual Task<bool> ClaimAsync(FolioDb db, TItem item, DateTime now, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} claims its batches whole; it must override {nameof(ClaimBatchAsync)}.");

    /// <summary>
    /// Claims all of a pass's due items in one statement, as <see cref="ClaimAsync"/> claims one, and returns those this
    /// pass won; null (the default) claims each item just before its attempt instead. One lease then covers the whole
    /// batch, so each item is attempted only before <see cref="ClaimedBatch.AttemptBefore"/>, early enough in the lease
    /// for its attempt to end before the lease does (no other pass may take it meanwhile); one left over is given back
    /// (<see cref="ReleaseAsync"/>) for the next pass.
    /// </summary>
    protected virtual Task<ClaimedBatch?> ClaimBatchAsync(FolioDb db, List<TItem> due, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult<ClaimedBatch?>(null);

    /// <summary>Undoes the batch's claim on an item it did not get to in time, unless another pass claimed it since.</summary>
    protected virtual Task ReleaseAsync(FolioDb db, TItem item, DateTime now) =>
        throw new NotSupportedException($"{GetType().Name} claims each item on its own; nothing to release.");

    protected abstract Task<TOutcome> AttemptAsync(IServiceProvider services, TItem item, CancellationToken cancellationToken);

    /// <summary>Keeps how the attempt went; called without the stopping token, since the attempt has happened.</summary>
    protected abstract Task RecordAsync(FolioDb db, TItem item, TOutcome outcome, FinishedAttempt attempt);

    /// <summary>The items a batch claim won, each to be attempted only before <paramref name="AttemptBefore"/>.</summary>
    protected sealed record ClaimedBatch(List<TItem> Items, DateTime AttemptBefore);

    /// <summary>The item as the log names it.</summary>
    protected abstract string Describe(TItem item);

    private TimeSpan PauseAfter(int attempt, TOutcome outcome) =>
        outcome.RetryAfter is { } asked && asked > retries.PauseAfter(attempt) ? asked : retries.PauseAfter(attempt);

    private async Task<bool> ProcessAsync(TItem item, DateTime? attemptBefore, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (attemptBefore is { } deadline && now >= deadline)
        {
            await ReleaseAsync(db, item, now);
            return false;
        }

        if (attemptBefore is null && !await ClaimAsync(db, item, now, cancellationToken))
        {
            return false;
        }

        var number = item.Attempts + 1;
        var outcome = await AttemptAsync(scope.ServiceProvider, item, cancellationToken);
        var finishedAt = clock.GetUtcNow().UtcDateTime;
        var succeeded = outcome.Error is null;
        DateTime? retryAt = succeeded || outcome.Permanent || number >= maxAttempts ? null : finishedAt + PauseAfter(number, outcome);
        var attempt = new FinishedAttempt(number, finishedAt, succeeded, retryAt);
        await RecordAsync(db, item, outcome, attempt);

        if (attempt.GaveUp)
        {
            logger.LogWarning("Gave up on {Item} after {Attempts} attempts: {Error}", Describe(item), number, outcome.Error);
        }
        else if (!succeeded)
        {
            logger.LogInformation("{Item} failed (attempt {Attempt}), retrying at {RetryAt:u}: {Error}", Describe(item), number, retryAt, outcome.Error);
        }

        return succeeded;
    }
}
