using Folio.Features.Federation.Inbox;
using Folio.Features.Scaling;

namespace Folio.Features.Federation;

public static class FederationSetup
{
    /// <summary>ActivityPub: actors, discovery, signatures, the inbox and delivery to remote servers.</summary>
    public static WebApplicationBuilder AddFederation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FederationUrls>();
        builder.Services.AddScoped<ActorKeys>();
        builder.Services.AddQueueSignal<FederationSignal>();
        builder.Services.AddScoped<FederationQueue>();
        builder.Services.AddFederationInbox();
        return builder;
    }
}
