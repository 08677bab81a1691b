using Folio.Features.Queues;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Publishing;

/// <summary>Turns each stored <see cref="StoryActivity"/> into deliveries (<see cref="StoryFanOut"/>).</summary>
public sealed class StoryActivityWorker(
    IServiceScopeFactory scopes, FederationSignal signal, IOptions<StoryActivityOptions> options, TimeProvider clock, ILogger<StoryActivityWorker> logger)
    : StoredJobWorker<StoryActivity>(scopes, signal, options, clock, logger)
{
    protected override TimeSpan ClaimLease => options.Value.ClaimLease;

    protected override Task RunAsync(IServiceProvider services, StoryActivity activity, CancellationToken cancellationToken) =>
        services.GetRequiredService<StoryFanOut>().QueueDeliveriesAsync(activity, cancellationToken);

    protected override string Describe(StoryActivity activity) => $"the {activity.Kind} of story {activity.StoryId}";
}
