using Folio.Features.Webhooks;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Webhooks;

public static class WebhookSteps
{
    public const string Secret = "whsec_test-secret-shared-with-the-receiver";
    public const string BaseUrl = "https://stories.example.org";

    /// <summary>An app whose absolute links are predictable.</summary>
    public static FolioApp NewApp(Dictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        settings ??= [];
        settings["Folio:Site:BaseUrl"] = BaseUrl;
        return new FolioApp(dataDirectory: dataDirectory, settings: settings);
    }

    public static Task<Webhook> WebhookAsync(this FolioApp app, string url, string[] events, bool active = true, string secret = Secret) =>
        app.WithDbAsync(async db =>
        {
            var webhook = new Webhook { Url = url, Secret = secret, Events = [.. events], Active = active, CreatedAt = app.Clock.UtcNow };
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync();
            return webhook;
        });

    /// <summary>Stops the background worker, so the test decides when deliveries are sent (with <see cref="DispatchAsync"/>).</summary>
    public static async Task PauseWebhookWorkerAsync(this FolioApp app)
    {
        var worker = app.Services.GetRequiredService<WebhookWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
    }

    public static Task<int> DispatchAsync(this FolioApp app) =>
        app.Services.GetRequiredService<WebhookWorker>().ProcessDueAsync();

    public static Task<List<WebhookDelivery>> DeliveriesAsync(this FolioApp app, int? webhookId = null) =>
        app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking()
            .Where(d => webhookId == null || d.WebhookId == webhookId)
            .OrderBy(d => d.Id).ToListAsync());

    /// <summary>Waits until the worker has recorded the outcome of the delivery a receiver just got.</summary>
    public static async Task<WebhookDelivery> WaitUntilFinishedAsync(this FolioApp app, string deliveryId)
    {
        var id = Guid.Parse(deliveryId);
        return await Eventually.ValueAsync(
            () => app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.DeliveryId == id)),
            delivery => delivery.DeliveredAt is not null || delivery.AbandonedAt is not null,
            within: TimeSpan.FromSeconds(15), because: $"delivery {deliveryId} to be recorded as delivered or abandoned");
    }
}
