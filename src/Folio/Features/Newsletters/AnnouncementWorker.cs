using Folio.Data;
using Folio.Features.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>How telling one story's readers went: the error that stopped it, if any.</summary>
public sealed record AnnouncementOutcome(string? Error) : IAttemptOutcome;

/// <summary>Tells each published story's readers (<see cref="NewStoryFanOut"/>); a failed pass is tried again after 1, 2, 4… minutes.</summary>
public sealed class AnnouncementWorker(
    IServiceScopeFactory scopes, AnnouncementSignal signal, IOptions<AnnouncementOptions> options, TimeProvider clock, ILogger<AnnouncementWorker> logger)
    : QueueWorker<StoryAnnouncement, AnnouncementOutcome>(scopes, signal, options, Retries, clock, logger)
{
    private const int MaxErrorLength = 2000;

    private static readonly RetrySchedule Retries = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
        TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(64));

    protected override Task<List<StoryAnnouncement>> DueAsync(FolioDb db, DateTime now, QueueOptions settings, CancellationToken cancellationToken) =>
        db.StoryAnnouncements.AsNoTracking()
            .Where(a => a.DoneAt == null && a.Attempts < settings.MaxAttempts && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

    protected override async Task<bool> ClaimAsync(FolioDb db, StoryAnnouncement announcement, DateTime now, CancellationToken cancellationToken) =>
        await db.StoryAnnouncements
            .Where(a => a.Id == announcement.Id && a.DoneAt == null && a.Attempts == announcement.Attempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Attempts, a => a.Attempts + 1)
                .SetProperty(a => a.NextAttemptAt, now + options.Value.ClaimLease), cancellationToken) == 1;

    protected override async Task<AnnouncementOutcome> AttemptAsync(IServiceProvider services, StoryAnnouncement announcement, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<NewStoryFanOut>().TellReadersAsync(announcement, cancellationToken);
            return new AnnouncementOutcome(null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new AnnouncementOutcome(exception.Message);
        }
    }

    protected override Task RecordAsync(FolioDb db, StoryAnnouncement announcement, AnnouncementOutcome outcome, FinishedAttempt attempt)
    {
        var row = db.StoryAnnouncements.Where(a => a.Id == announcement.Id);
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

    protected override string Describe(StoryAnnouncement announcement) => $"the announcement of story {announcement.StoryId}";
}
