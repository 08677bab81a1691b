using System.Text.Json;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Folio.Features.Federation.Delivery;
using Folio.Features.Federation.Publishing;
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
        app.RemoteFollowerAsync(ActorKind.Person, followed.Id, uri, sharedInbox);

    /// <summary>A remote actor at <paramref name="uri"/> (made if new) that follows a local actor; returns the follower row's id.</summary>
    public static Task<int> RemoteFollowerAsync(this FolioApp app, ActorKind kind, string ownerId, string uri, string? sharedInbox = null) =>
        app.WithDbAsync(async db =>
        {
            var actor = await db.RemoteActors.SingleOrDefaultAsync(a => a.Uri == uri)
                ?? new RemoteActor { Uri = uri, Host = new Uri(uri).Authority, Inbox = uri + "/inbox", SharedInbox = sharedInbox, FetchedAt = DateTime.UtcNow };
            var follower = new RemoteFollower { Kind = kind, OwnerId = ownerId, RemoteActor = actor, FollowActivityId = $"{uri}#follow-{ownerId}", CreatedAt = DateTime.UtcNow };
            db.RemoteFollowers.Add(follower);
            await db.SaveChangesAsync();
            return follower.Id;
        });

    /// <summary>Stops both federation workers, so the test runs each pass: story activities, then deliveries.</summary>
    public static async Task PauseFederationAsync(this FolioApp app)
    {
        await app.PauseFederationWorkerAsync();
        var worker = app.Services.GetRequiredService<StoryActivityWorker>();
        await worker.Running.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);
    }

    /// <summary>Queues the deliveries of the story activities that are due, as the background worker would.</summary>
    public static Task<int> FanOutDueAsync(this FolioApp app) =>
        app.Services.GetRequiredService<StoryActivityWorker>().ProcessDueAsync();
}
