using Folio.Data;
using Folio.Features.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Publishing;

/// <summary>How queuing one story activity's deliveries went: the error that stopped it, if any.</summary>
public sealed record StoryActivityOutcome(string? Error) : IAttemptOutcome;

/// <summary>Turns each stored <see cref="StoryActivity"/> into deliveries (<see cref="StoryFanOut"/>); a failed pass is tried again after 1, 2, 4… minutes.</summary>
public sealed class StoryActivityWorker(
    IServiceScopeFactory scopes, FederationSignal signal, IOptions<StoryActivityOptions> options, TimeProvider clock, ILogger<StoryActivityWorker> logger)
    : QueueWorker<StoryActivity, StoryActivityOutcome>(scopes, signal, options, Retries, clock, logger)
{
    private const int MaxErrorLength = 2000;

    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
        TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(64));

    protected override Task<List<StoryActivity>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.StoryActivities.AsNoTracking()
            .Where(a => a.DoneAt == null && a.Attempts < settings.MaxAttempts && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

    protected override async Task<bool> ClaimAsync(FolioDb db, StoryActivity activity, DateTime now, CancellationToken cancellationToken) =>
        await db.StoryActivities
            .Where(a => a.Id == activity.Id && a.DoneAt == null && a.Attempts == activity.Attempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Attempts, a => a.Attempts + 1)
                .SetProperty(a => a.NextAttemptAt, now + options.Value.ClaimLease), cancellationToken) == 1;

    protected override async Task<StoryActivityOutcome> AttemptAsync(IServiceProvider services, StoryActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<StoryFanOut>().QueueDeliveriesAsync(activity, cancellationToken);
            return new StoryActivityOutcome(null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StoryActivityOutcome(exception.Message);
        }
    }

    protected override Task RecordAsync(FolioDb db, StoryActivity activity, StoryActivityOutcome outcome, FinishedAttempt attempt)
    {
        var row = db.StoryActivities.Where(a => a.Id == activity.Id);
        if (attempt.Succeeded)
        {
            return row.ExecuteUpdateAsync(set => set
                .SetProperty(a => a.DoneAt, attempt.FinishedAt)
                .SetProperty(a => a.LastError, (string?)null));
        }

        var error = outcome.Error is { Length: > MaxErrorLength } message ? message[..MaxErrorLength] : outcome.Error;
        return row.ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LastError, error)
            .SetProperty(a => a.NextAttemptAt, a => attempt.RetryAt ?? a.NextAttemptAt));
    }

    protected override string Describe(StoryActivity activity) => $"the {activity.Kind} of story {activity.StoryId}";
}
