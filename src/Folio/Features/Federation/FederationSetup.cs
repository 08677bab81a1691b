using Folio.Features.Federation.Delivery;
using Folio.Features.Federation.Documents;
using Folio.Features.Federation.Inbox;
using Folio.Features.Federation.Publishing;
using Folio.Features.Queues;
using Folio.Features.Scaling;

namespace Folio.Features.Federation;

public static class FederationSetup
{
    /// <summary>ActivityPub: actors, discovery, signatures, the inbox and delivery to remote servers.</summary>
    public static WebApplicationBuilder AddFederation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FederationUrls>();
        builder.Services.AddScoped<ActorKeys>();
        builder.Services.AddScoped<FederationQueue>();

        builder.Services.AddSingleton<FederationSender>();
        builder.Services.AddQueueWorker<FederationDeliveryWorker, FederationDeliveryOptions>(FederationDeliveryOptions.Section);
        builder.Services.AddScoped<StoryFanOut>();
        builder.Services.AddQueueWorker<StoryActivityWorker, StoryActivityOptions>(StoryActivityOptions.Section);
        builder.Services.AddFederationDocuments();
        builder.Services.AddFederationInbox();
        return builder;
    }

    /// <summary>
    /// In every Folio process (AddFolioCore): a story published, revised or withdrawn by a command (an import) is
    /// queued for the fediverse in the database and sent by the site's workers.
    /// </summary>
    public static WebApplicationBuilder AddStoryActivities(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueueSignal<FederationSignal>();
        builder.Services.AddSingleton<StoryActivityObserver>();
        // An import puts replies from the fediverse under this account, and every save evicts pages by the block list.
        builder.Services.AddScoped<Remote.FediverseAccount>();
        builder.Services.AddSingleton<Blocks.FederationBlockList>();
        return builder;
    }
}
