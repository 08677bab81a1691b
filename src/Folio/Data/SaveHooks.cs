using Folio.Features.Caching;
using Folio.Features.Federation.Publishing;
using Folio.Features.Search;
using Folio.Features.Stories;
using Folio.Features.Webhooks;
using Folio.Features.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>The side effects of every save, and the order they run in: declared here and nowhere else.</summary>
public static class SaveHooks
{
    public static WebApplicationBuilder AddSaveHooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => new SavePipeline(
        [
            // Before the write: which stored pictures each saved story uses, its rows added to the same save.
            services.GetRequiredService<StoryImageSync>(),

            // Inside the transaction, after the rows: the index changes with the stories it indexes, or neither does.
            services.GetRequiredService<SearchIndexSync>(),

            // Inside the transaction: a tag's or community's count of published stories changes with the stories.
            services.GetRequiredService<PublishedStoryCountSync>(),

            // Inside the transaction: a story going public, changing or going away is queued for the fediverse with it.
            services.GetRequiredService<StoryActivityObserver>(),

            // Inside the transaction: deliveries are written with the change, so a crash loses both or neither.
            services.GetRequiredService<WebhookOutbox>(),

            // Last: its change-log row goes out with the change, for every other server to read; this process's own
            // cached copies are evicted only after the commit, since a request in between could cache the old rows again.
            services.GetRequiredService<PageCacheEviction>(),
        ], services.GetRequiredService<ILogger<SavePipeline>>()));
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<SavePipeline>()));
        return builder;
    }
}
