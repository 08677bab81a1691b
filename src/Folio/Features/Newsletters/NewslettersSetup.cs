using Folio.Features.Queues;
using Folio.Features.Scaling;
using Microsoft.Extensions.Options;

namespace Folio.Features.Newsletters;

public static class NewslettersSetup
{
    /// <summary>
    /// Queues the announcement of a newly published story, in every Folio process (AddFolioCore): a story a command
    /// publishes is announced by the site's worker.
    /// </summary>
    public static WebApplicationBuilder AddStoryAnnouncements(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueueSignal<AnnouncementSignal>();
        builder.Services.AddScoped<StoryAnnouncements>();
        return builder;
    }

    /// <summary>The site: announcements told to readers by the worker, digests, unsubscribe links, /settings/email, and the creator's newsletter numbers.</summary>
    public static WebApplicationBuilder AddNewsletters(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<Unsubscriptions>();
        builder.Services.AddScoped<NewStoryFanOut>();
        builder.Services.AddScoped<NewsletterNumbers>();
        builder.Services.AddQueueWorker<AnnouncementWorker, AnnouncementOptions>(AnnouncementOptions.Section);
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidation>();
        builder.Services.AddScoped<DigestStories>();
        builder.Services.AddScoped<DigestSender>();
        builder.Services.AddScoped<DigestPass>();
        builder.Services.AddSingleton<DigestWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DigestWorker>());
        return builder;
    }
}
