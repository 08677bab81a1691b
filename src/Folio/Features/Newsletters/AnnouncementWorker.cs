using Folio.Features.Queues;
using Folio.Features.Series;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

/// <summary>Tells each published story's readers (<see cref="NewStoryFanOut"/>), and its series' subscribers (<see cref="NewPartFanOut"/>).</summary>
public sealed class AnnouncementWorker(
    IServiceScopeFactory scopes, AnnouncementSignal signal, IOptions<AnnouncementOptions> options, TimeProvider clock, ILogger<AnnouncementWorker> logger)
    : StoredJobWorker<StoryAnnouncement>(scopes, signal, options, clock, logger)
{
    protected override TimeSpan ClaimLease => options.Value.ClaimLease;

    protected override async Task RunAsync(IServiceProvider services, StoryAnnouncement announcement, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<NewStoryFanOut>().TellReadersAsync(announcement, cancellationToken);
        await services.GetRequiredService<NewPartFanOut>().TellSubscribersAsync(announcement.StoryId, announcement.SiteOrigin, cancellationToken);
    }

    protected override string Describe(StoryAnnouncement announcement) => $"the announcement of story {announcement.StoryId}";
}
