using Folio.Features.Federation.Discovery;

namespace Folio.Features.Federation.Documents;

public static class DocumentsSetup
{
    /// <summary>What remote servers read: discovery, actors, their collections, stories and comments.</summary>
    public static IServiceCollection AddFederationDocuments(this IServiceCollection services)
    {
        services.AddScoped<WebFinger>();
        services.AddSingleton<NodeInfo>();
        services.AddScoped<ActorDocuments>();
        services.AddScoped<ArticleDocuments>();
        services.AddScoped<NoteDocuments>();
        services.AddScoped<OutboxDocuments>();
        services.AddScoped<ActorCollections>();
        return services;
    }
}
