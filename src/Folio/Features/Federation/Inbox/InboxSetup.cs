using Folio.Features.Federation.Remote;

namespace Folio.Features.Federation.Inbox;

public static class InboxSetup
{
    /// <summary>The inboxes and what they need: signature checks, remote actors fetched and stored, follows.</summary>
    public static IServiceCollection AddFederationInbox(this IServiceCollection services)
    {
        services.AddOptions<RemoteOptions>().BindConfiguration(RemoteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddFederationHttp();
        services.AddScoped<Blocks.FederationBlocking>();
        services.AddScoped<Blocks.BlockTargets>();
        services.AddScoped<Moderation.FollowedActors>();
        services.AddScoped<RemoteFetcher>();
        services.AddScoped<RemoteActorDirectory>();
        services.AddScoped<LocalActors>();
        services.AddScoped<FollowActivities>();
        services.AddScoped<ReactionActivities>();
        services.AddScoped<RemoteNotes>();
        services.AddScoped<ReplyActivities>();
        services.AddScoped<FlagActivities>();
        services.AddScoped<ActivityHandlers>();
        services.AddScoped<InboxGate>();
        services.AddScoped<InboxDispatcher>();
        return services;
    }
}
