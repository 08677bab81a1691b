using Folio.Features.Queues;
using Folio.Features.Scaling;

namespace Folio.Features.Webhooks;

public static class WebhookSetup
{
    /// <summary>The site: events are queued on save (<see cref="AddWebhookEvents"/>), delivered by the worker, and managed at /admin/webhooks.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
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
    /// Queues deliveries for what a save changes, in every Folio process (AddFolioCore): what a command changes (an
    /// import, a new account) is queued in the database and sent by the site's worker.
    /// </summary>
    public static WebApplicationBuilder AddWebhookEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddQueueSignal<WebhookSignal>();

        // Run on every save by the SavePipeline, in the order SaveHooks declares.
        builder.Services.AddSingleton<WebhookOutbox>();
        return builder;
    }
}
