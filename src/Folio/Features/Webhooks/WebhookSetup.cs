using Folio.Data;
using Folio.Features.Queues;
using Folio.Features.Scaling;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

public static class WebhookSetup
{
    /// <summary>The site: events are queued on save, delivered by the worker, and managed at /admin/webhooks.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.AddWebhookEvents();
        builder.Services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            // The sender enforces Folio:Webhooks:Timeout itself, including reading an error answer.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddScoped<WebhookQueue>();
        builder.Services.AddQueueWorker<WebhookWorker, WebhookOptions>(WebhookOptions.Section);
        return builder;
    }

    /// <summary>
    /// Queues deliveries for what a save changes. The admin commands call this too: what they change (an import, a
    /// new account) is queued in the database and sent by the site's worker.
    /// </summary>
    public static WebApplicationBuilder AddWebhookEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueueSignal<WebhookSignal>();
        builder.Services.AddSingleton<WebhookLinks>();
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.ConfigureDbContext<FolioDb>((services, options) => options.AddInterceptors(services.GetRequiredService<WebhookOutbox>()));
        return builder;
    }
}
