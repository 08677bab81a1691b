using Folio.Data;
using Folio.Features.Scaling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Queues;

/// <summary>
/// A row stored with the change that calls for some slow work (a story's followers or readers to tell), so the request
/// making the change never waits for it and a restart loses nothing; done once, by <see cref="StoredJobWorker{TJob}"/>.
/// </summary>
public interface IStoredJob : IQueuedItem
{
    int Id { get; }
    DateTime NextAttemptAt { get; set; }
    DateTime? DoneAt { get; set; }
    string? LastError { get; set; }
}

/// <summary>How one run of a stored job went: the error that stopped it, if any.</summary>
public sealed record StoredJobOutcome(string? Error) : IAttemptOutcome;

/// <summary>
/// Runs each due <typeparamref name="TJob"/> once: claimed for <see cref="ClaimLease"/> (should the node running it die,
/// another pass takes it after), marked done when <see cref="RunAsync"/> returns, and tried again after 1, 2, 4… minutes
/// when it throws.
/// </summary>
public abstract class StoredJobWorker<TJob>(
    IServiceScopeFactory scopes, QueueSignal signal, IOptions<QueueOptions> options, TimeProvider clock, ILogger logger)
    : QueueWorker<TJob, StoredJobOutcome>(scopes, signal, options, Retries, clock, logger)
    where TJob : class, IStoredJob
{
    private const int MaxErrorLength = 2000;

    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
        TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(64));

    protected abstract TimeSpan ClaimLease { get; }

    protected abstract Task RunAsync(IServiceProvider services, TJob job, CancellationToken cancellationToken);

    protected override Task<List<TJob>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.Set<TJob>().AsNoTracking()
            .Where(j => j.DoneAt == null && j.Attempts < settings.MaxAttempts && j.NextAttemptAt <= now)
            .OrderBy(j => j.NextAttemptAt).ThenBy(j => j.Id).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

    protected override async Task<bool> ClaimAsync(FolioDb db, TJob job, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<TJob>()
            .Where(j => j.Id == job.Id && j.DoneAt == null && j.Attempts == job.Attempts)
            // By name: IQueuedItem gives Attempts no setter.
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => EF.Property<int>(j, nameof(IStoredJob.Attempts)), j => EF.Property<int>(j, nameof(IStoredJob.Attempts)) + 1)
                .SetProperty(j => j.NextAttemptAt, now + ClaimLease), cancellationToken) == 1;

    protected override async Task<StoredJobOutcome> AttemptAsync(IServiceProvider services, TJob job, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(services, job, cancellationToken);
            return new StoredJobOutcome(null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StoredJobOutcome(exception.Message);
        }
    }

    protected override Task RecordAsync(FolioDb db, TJob job, StoredJobOutcome outcome, FinishedAttempt attempt)
    {
        var row = db.Set<TJob>().Where(j => j.Id == job.Id);
        if (attempt.Succeeded)
        {
            return row.ExecuteUpdateAsync(set => set
                .SetProperty(j => j.DoneAt, attempt.FinishedAt)
                .SetProperty(j => j.LastError, (string?)null));
        }

        var error = outcome.Error is { Length: > MaxErrorLength } message ? message[..MaxErrorLength] : outcome.Error;
        return row.ExecuteUpdateAsync(set => set
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.NextAttemptAt, j => attempt.RetryAt ?? j.NextAttemptAt));
    }
}
