using Folio.Features.Queues;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>Tells each published story's readers (<see cref="NewStoryFanOut"/>).</summary>
public sealed class AnnouncementWorker(
    IServiceScopeFactory scopes, AnnouncementSignal signal, IOptions<AnnouncementOptions> options, TimeProvider clock, ILogger<AnnouncementWorker> logger)
    : StoredJobWorker<StoryAnnouncement>(scopes, signal, options, clock, logger)
{
    protected override TimeSpan ClaimLease => options.Value.ClaimLease;

    protected override Task RunAsync(IServiceProvider services, StoryAnnouncement announcement, CancellationToken cancellationToken) =>
        services.GetRequiredService<NewStoryFanOut>().TellReadersAsync(announcement, cancellationToken);

    protected override string Describe(StoryAnnouncement announcement) => $"the announcement of story {announcement.StoryId}";
}
