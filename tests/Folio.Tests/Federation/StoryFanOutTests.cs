using System.Globalization;
using System.Text.Json;
using Folio.Features.Federation;
using Folio.Features.Federation.Publishing;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>A story's life reaching the servers that follow its creator or community, with both workers paused.</summary>
public sealed class StoryFanOutTests : IDisposable
{
    private readonly RemoteInbox _server = new();
    private readonly RemoteInbox _otherServer = new();

    public void Dispose()
    {
        _server.Dispose();
        _otherServer.Dispose();
    }

    [Fact]
    public async Task ANewStoryGoesToEachFollowingServerOnceAsTheCreatorsCreateAndTheCommunitysAnnounce()
    {
        using var app = await PausedAppAsync();
        var (maya, community) = (await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ana"), sharedInbox: _server.Url("/inbox"));
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ben"), sharedInbox: _server.Url("/inbox"));
        await app.RemoteFollowerAsync(maya, _otherServer.Url("/users/cy"));
        await app.RemoteFollowerAsync(ActorKind.Group, CommunityId(community), _server.Url("/users/ana"), sharedInbox: _server.Url("/inbox"));

        var story = await app.Data.StoryAsync(community, maya, title: "The tide tables", tags: ["sea"]);
        Assert.Empty(await app.DeliveriesAsync());
        Assert.Equal(1, await app.FanOutDueAsync());
        Assert.Equal(3, (await app.DeliveriesAsync()).Count);
        await app.DeliverDueAsync();

        var onServer = _server.Received.Select(r => r.Json).ToList();
        var create = Assert.Single(onServer, a => a.GetProperty("type").GetString() == "Create");
        var announce = Assert.Single(onServer, a => a.GetProperty("type").GetString() == "Announce");
        var article = create.GetProperty("object");
        Assert.Equal(("Article", "The tide tables"), (article.GetProperty("type").GetString(), article.GetProperty("name").GetString()));
        Assert.EndsWith($"/ap/stories/{story.Id}", article.GetProperty("id").GetString());
        Assert.Equal(create.GetProperty("actor").GetString(), article.GetProperty("attributedTo").GetString());
        Assert.EndsWith($"/ap/people/{maya.Id}", create.GetProperty("actor").GetString());
        Assert.EndsWith($"/ap/communities/{community.Id}", article.GetProperty("audience").GetString());
        Assert.Equal("#sea", article.GetProperty("tag")[0].GetProperty("name").GetString());
        Assert.Equal(article.GetProperty("id").GetString(), announce.GetProperty("object").GetString());
        Assert.Equal(article.GetProperty("audience").GetString(), announce.GetProperty("actor").GetString());
        Assert.Equal("Create", Assert.Single(_otherServer.Received).Json.GetProperty("type").GetString());
        Assert.All(_server.Received.Concat(_otherServer.Received), r => Assert.Equal(ActivityStreamsContext, r.Json.GetProperty("@context").GetString()));
    }

    [Fact]
    public async Task DeliveriesFinishedAWeekBeforeAFanOutAreForgottenAndOnesStillBeingTriedAreKept()
    {
        using var app = await PausedAppAsync();
        var (maya, community) = (await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ana"));
        await app.RemoteFollowerAsync(maya, _otherServer.Url("/users/cy"));
        _otherServer.AnswerNext("/users/cy/inbox", 503);
        await app.Data.StoryAsync(community, maya);
        await app.FanOutDueAsync();
        Assert.Equal(1, await app.DeliverDueAsync());
        var (sent, retrying) = (await app.DeliveryToAsync(_server.Url("/users/ana/inbox")), await app.DeliveryToAsync(_otherServer.Url("/users/cy/inbox")));

        app.Clock.Now += TimeSpan.FromDays(6);
        await app.Data.StoryAsync(community, maya);
        await app.FanOutDueAsync();
        Assert.Contains(sent.Id, (await app.DeliveriesAsync()).Select(d => d.Id));

        app.Clock.Now += TimeSpan.FromDays(2);
        await app.Data.StoryAsync(community, maya);
        await app.FanOutDueAsync();
        var left = (await app.DeliveriesAsync()).Select(d => d.Id).ToList();
        Assert.DoesNotContain(sent.Id, left);
        Assert.Contains(retrying.Id, left);
        Assert.Equal(5, left.Count);
    }

    [Fact]
    public async Task ARevisedStoryIsSentAsAnUpdateAndAWithdrawnOneAsADeleteToBothAudiences()
    {
        using var app = await PausedAppAsync();
        var (maya, community) = (await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ana"));
        await app.RemoteFollowerAsync(ActorKind.Group, CommunityId(community), _otherServer.Url("/users/cy"));
        var story = await app.Data.StoryAsync(community, maya, title: "First light");
        await app.FanOutDueAsync();

        await app.WithDbAsync(async db => { (await db.Stories.SingleAsync(s => s.Id == story.Id)).Title = "First light, revised"; await db.SaveChangesAsync(); });
        await app.FanOutDueAsync();
        await app.WithDbAsync(async db => { (await db.Stories.SingleAsync(s => s.Id == story.Id)).Unpublish(); await db.SaveChangesAsync(); });
        await app.FanOutDueAsync();
        await app.DeliverDueAsync();

        var toFollower = _server.Received.Select(r => r.Json).ToList();
        Assert.Equal(["Create", "Update", "Delete"], toFollower.Select(a => a.GetProperty("type").GetString()).Order(new KindOrder()));
        var update = toFollower.Single(a => a.GetProperty("type").GetString() == "Update");
        Assert.Equal("First light, revised", update.GetProperty("object").GetProperty("name").GetString());
        var delete = toFollower.Single(a => a.GetProperty("type").GetString() == "Delete");
        Assert.Equal("Tombstone", delete.GetProperty("object").GetProperty("type").GetString());
        Assert.EndsWith($"/ap/stories/{story.Id}", delete.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal(["Announce", "Update", "Delete"], _otherServer.Received.Select(r => r.Json.GetProperty("type").GetString()).Order(new KindOrder()));
    }

    [Fact]
    public async Task ADeletedStoryIsSentAsADeleteAndAStoryWithoutFollowersQueuesNothing()
    {
        using var app = await PausedAppAsync();
        var (maya, lonely, community) = (await app.Data.PersonAsync(), await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ana"));
        var story = await app.Data.StoryAsync(community, maya);
        await app.Data.StoryAsync(await app.Data.CommunityAsync(), lonely);
        Assert.Equal(2, await app.FanOutDueAsync());
        Assert.Single(await app.DeliveriesAsync());

        await app.WithDbAsync(async db => { db.Stories.Remove(await db.Stories.SingleAsync(s => s.Id == story.Id)); await db.SaveChangesAsync(); });
        Assert.Equal(1, await app.FanOutDueAsync());
        await app.DeliverDueAsync();

        Assert.Equal(["Create", "Delete"], _server.Received.Select(r => r.Json.GetProperty("type").GetString()).Order(new KindOrder()));
        var activities = await app.WithDbAsync(db => db.StoryActivities.AsNoTracking().ToListAsync());
        Assert.All(activities, a => Assert.NotNull(a.DoneAt));
    }

    [Fact]
    public async Task PublishingToTenThousandFollowersOnAThousandServersOnlyStoresOneRowAndTheWorkerQueuesOneDeliveryPerServer()
    {
        using var app = await PausedAppAsync();
        var (maya, community) = (await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.WithDbAsync(async db =>
        {
            for (var server = 0; server < 1000; server++)
            {
                for (var person = 0; person < 10; person++)
                {
                    var uri = $"https://s{server}.example/users/u{person}";
                    db.RemoteFollowers.Add(new RemoteFollower
                    {
                        Kind = ActorKind.Person, OwnerId = maya.Id, FollowActivityId = uri + "#follow", CreatedAt = DateTime.UtcNow,
                        RemoteActor = new RemoteActor { Uri = uri, Host = $"s{server}.example", Inbox = uri + "/inbox", SharedInbox = $"https://s{server}.example/inbox", FetchedAt = DateTime.UtcNow },
                    });
                }
            }

            await db.SaveChangesAsync();
        });

        await app.Data.StoryAsync(community, maya);
        Assert.Empty(await app.DeliveriesAsync());
        Assert.Single(await app.WithDbAsync(db => db.StoryActivities.ToListAsync()));

        Assert.Equal(1, await app.FanOutDueAsync());
        var deliveries = await app.DeliveriesAsync();
        Assert.Equal(1000, deliveries.Count);
        Assert.Equal(1000, deliveries.Select(d => d.Inbox).Distinct().Count());
        Assert.Single(deliveries.Select(d => d.Activity).Distinct());
    }

    private const string ActivityStreamsContext = "https://www.w3.org/ns/activitystreams";

    private static string CommunityId(Folio.Features.Communities.Community community) => community.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<FolioApp> PausedAppAsync()
    {
        var app = InboxTestKit.App();
        await app.PauseFederationAsync();
        return app;
    }

    /// <summary>Deliveries go out in parallel; the tests compare what arrived in the order the story's life made it.</summary>
    private sealed class KindOrder : IComparer<string?>
    {
        private static readonly string[] Life = ["Create", "Announce", "Update", "Delete"];

        public int Compare(string? x, string? y) => Array.IndexOf(Life, x).CompareTo(Array.IndexOf(Life, y));
    }
}
