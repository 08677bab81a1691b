using Folio.Features.Webhooks;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Webhooks;

/// <summary>Retries, back-off, giving up and restarts, with the worker paused so the test runs each pass.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task AFailingReceiverIsRetriedWithGrowingPausesUntilItAnswers()
    {
        using var app = WebhookSteps.NewApp();
        await app.PauseWebhookWorkerAsync();
        var webhook = await app.WebhookAsync(_receiver.Url, [WebhookEvents.CommentAdded]);
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        _receiver.FailNext(2);

        await app.Data.CommentAsync(story, await app.Data.PersonAsync(), "Hello?");
        Assert.Equal(0, await app.DispatchAsync());
        var first = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal((1, 500), (first.Attempts, first.LastStatusCode));
        Assert.Contains("500", first.LastError);
        Assert.Contains("failing on purpose", first.LastError);
        Assert.Equal(app.Clock.UtcNow.AddSeconds(30), first.NextAttemptAt);
        Assert.Equal(app.Clock.UtcNow, first.LastAttemptAt);

        app.Clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal(0, await app.DispatchAsync());
        Assert.Single(_receiver.Received);

        app.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(0, await app.DispatchAsync());
        var second = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Clock.UtcNow.AddMinutes(2), second.NextAttemptAt);

        app.Clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(1, await app.DispatchAsync());
        var delivered = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal((3, 204, null, null, app.Clock.UtcNow), (delivered.Attempts, delivered.LastStatusCode, delivered.LastError, delivered.NextAttemptAt, delivered.DeliveredAt));
        Assert.Equal(3, _receiver.Received.Count);
        Assert.Single(_receiver.Received.Select(r => r.DeliveryId).Distinct());
        Assert.All(_receiver.Received, r => Assert.True(r.IsSignedWith(WebhookSteps.Secret)));

        app.Clock.Now += TimeSpan.FromDays(2);
        Assert.Equal(0, await app.DispatchAsync());
        Assert.Equal(3, _receiver.Received.Count);
    }

    [Fact]
    public async Task ADeliveryIsAbandonedAfterTheLastAttempt()
    {
        using var app = WebhookSteps.NewApp(new() { ["Folio:Webhooks:MaxAttempts"] = "3" });
        await app.PauseWebhookWorkerAsync();
        var webhook = await app.WebhookAsync(_receiver.Url, [WebhookEvents.MemberAdded]);
        _receiver.FailureStatus = 503;
        _receiver.FailNext(100);

        await app.Data.PersonAsync("kestrel");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(0, await app.DispatchAsync());
            app.Clock.Now += TimeSpan.FromDays(1);
        }

        var abandoned = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Equal((3, 503, null), (abandoned.Attempts, abandoned.LastStatusCode, abandoned.NextAttemptAt));
        Assert.NotNull(abandoned.AbandonedAt);
        Assert.Null(abandoned.DeliveredAt);
        Assert.Equal(0, await app.DispatchAsync());
        Assert.Equal(3, _receiver.Received.Count);
    }

    [Fact]
    public async Task AnUnreachableReceiverIsRecordedAsNoAnswer()
    {
        using var down = new WebhookReceiver(start: false);
        using var app = WebhookSteps.NewApp();
        await app.PauseWebhookWorkerAsync();
        var webhook = await app.WebhookAsync(down.Url, [WebhookEvents.MemberAdded]);

        await app.Data.PersonAsync();
        Assert.Equal(0, await app.DispatchAsync());

        var failed = Assert.Single(await app.DeliveriesAsync(webhook.Id));
        Assert.Null(failed.LastStatusCode);
        Assert.StartsWith("Could not reach the receiver", failed.LastError);
        Assert.NotNull(failed.NextAttemptAt);
    }

    [Fact]
    public async Task DeliveriesQueuedOrInFlightWhenTheAppStopsAreSentAfterARestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "folio-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var down = new WebhookReceiver(start: false);
            int webhookId;
            using (var before = WebhookSteps.NewApp(dataDirectory: dataDirectory))
            {
                await before.PauseWebhookWorkerAsync();
                webhookId = (await before.WebhookAsync(down.Url, [WebhookEvents.MemberAdded])).Id;
                await before.Data.PersonAsync("queued");
                await before.Data.PersonAsync("inflight");

                // As if the process died mid-send: claimed (attempt counted, next attempt pushed past the lease), no outcome.
                await before.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.Payload.Contains("inflight"))
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.Attempts, 1).SetProperty(d => d.NextAttemptAt, before.Clock.UtcNow.AddMinutes(1))));
            }

            down.Start();
            using var after = WebhookSteps.NewApp(dataDirectory: dataDirectory);
            _ = after.Services;
            await down.WaitForAsync(WebhookEvents.MemberAdded);
            Assert.Contains("queued", down.Received.Single().Text);
            // Recorded as delivered before the clock moves on: else its claim's lease runs out and it is due again.
            await after.WaitUntilFinishedAsync(down.Received.Single().DeliveryId);

            after.Clock.Now += TimeSpan.FromMinutes(2);
            await after.DispatchAsync();
            await down.WaitForAsync(WebhookEvents.MemberAdded, count: 2);
            foreach (var received in down.Received)
            {
                await after.WaitUntilFinishedAsync(received.DeliveryId);
            }

            var deliveries = await after.DeliveriesAsync(webhookId);
            Assert.All(deliveries, d => Assert.NotNull(d.DeliveredAt));
            Assert.Equal([1, 2], deliveries.Select(d => d.Attempts).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task PassesRunningAtTheSameTimeSendEachDeliveryOnce()
    {
        using var app = WebhookSteps.NewApp();
        await app.PauseWebhookWorkerAsync();
        await app.WebhookAsync(_receiver.Url, [WebhookEvents.MemberAdded]);
        for (var i = 0; i < 6; i++)
        {
            await app.Data.PersonAsync();
        }

        var passes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(app.DispatchAsync)));

        Assert.Equal(6, passes.Sum());
        Assert.Equal(6, _receiver.Received.Count);
        Assert.Equal(6, _receiver.Received.Select(r => r.DeliveryId).Distinct().Count());
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public void BadDeliverySettingsStopTheAppAtStart()
    {
        using var app = WebhookSteps.NewApp(new() { ["Folio:Webhooks:MaxAttempts"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Folio:Webhooks:MaxAttempts must be between 1 and 20", error.Message);
    }
}
