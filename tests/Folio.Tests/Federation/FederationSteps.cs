using System.Text.Json;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Folio.Features.Federation.Delivery;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Federation;

public static class FederationSteps
{
    /// <summary>Stops the background worker, so the test decides when deliveries are sent (with <see cref="DeliverDueAsync"/>).</summary>
    public static async Task PauseFederationWorkerAsync(this FolioApp app)
    {
        var worker = app.Services.GetRequiredService<FederationDeliveryWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
    }

    public static Task<int> DeliverDueAsync(this FolioApp app) =>
        app.Services.GetRequiredService<FederationDeliveryWorker>().ProcessDueAsync();

    /// <summary>Queues a Note from the person to one inbox, as the fan-out and the inbox's replies do, and returns the activity.</summary>
    public static async Task<JsonElement> QueueAsync(this FolioApp app, FolioUser sender, string inbox)
    {
        using var scope = app.Services.CreateScope();
        var actor = $"http://localhost{FederationUrls.Prefix}/people/{sender.Id}";
        var activity = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["@context"] = ActivityStreams.Context,
            ["id"] = $"{actor}/activities/{Guid.NewGuid()}",
            ["type"] = "Create",
            ["actor"] = actor,
            ["object"] = new Dictionary<string, string> { ["type"] = "Note", ["content"] = "<p>Hello</p>" },
        });
        var queue = scope.ServiceProvider.GetRequiredService<FederationQueue>();
        queue.Enqueue(ActorKind.Person, sender.Id, activity, [inbox]);
        await scope.ServiceProvider.GetRequiredService<FolioDb>().SaveChangesAsync();
        queue.Wake();
        return activity;
    }

    public static Task<List<FederationDelivery>> DeliveriesAsync(this FolioApp app) =>
        app.WithDbAsync(db => db.FederationDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    public static Task<FederationDelivery> DeliveryToAsync(this FolioApp app, string inbox) =>
        app.WithDbAsync(db => db.FederationDeliveries.AsNoTracking().SingleAsync(d => d.Inbox == inbox));

    /// <summary>A remote actor at <paramref name="uri"/> that follows the person; returns the follower row's id.</summary>
    public static Task<int> RemoteFollowerAsync(this FolioApp app, FolioUser followed, string uri, string? sharedInbox = null) =>
        app.WithDbAsync(async db =>
        {
            var actor = new RemoteActor { Uri = uri, Host = new Uri(uri).Authority, Inbox = uri + "/inbox", SharedInbox = sharedInbox, FetchedAt = DateTime.UtcNow };
            var follower = new RemoteFollower
            {
                Kind = ActorKind.Person, OwnerId = followed.Id, RemoteActor = actor, FollowActivityId = uri + "#follow", CreatedAt = DateTime.UtcNow,
            };
            db.RemoteFollowers.Add(follower);
            await db.SaveChangesAsync();
            return follower.Id;
        });
}
