using System.Net;
using System.Security.Cryptography;
using System.Text;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>Every refused POST gets its own status and a problem detail, and leaves no follower and no queued activity.</summary>
public sealed class InboxRefusalTests
{
    private static async Task AssertNothingChangedAsync(FolioApp app)
    {
        Assert.Empty(await app.FollowersAsync());
        Assert.Empty(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task UnsignedOrBadlySignedFollowsAre401()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        string Follow() => InboxTestKit.PersonId(maya.Id);
        var now = app.Clock.Now;

        var unsigned = PeerActor.Post(InboxTestKit.SharedInbox, Encoding.UTF8.GetBytes(ana.Follow(Follow()).ToJsonString()));
        await (await app.SendAsync(unsigned)).AssertStatusAsync(HttpStatusCode.Unauthorized, "unsigned");

        using var other = RSA.Create(2048);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now, other.ExportPkcs8PrivateKeyPem())))
            .AssertStatusAsync(HttpStatusCode.Unauthorized, "signed with a key that is not the actor's");

        var tampered = ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now);
        tampered.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ana.Follow(Follow()).ToJsonString())) { Headers = { { "Content-Type", "application/activity+json" } } };
        await (await app.SendAsync(tampered)).AssertStatusAsync(HttpStatusCode.Unauthorized, "a body changed after signing");

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now.AddHours(-2))))
            .AssertStatusAsync(HttpStatusCode.Unauthorized, "signed two hours ago");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now.AddHours(2))))
            .AssertStatusAsync(HttpStatusCode.Unauthorized, "signed two hours ahead");

        await (await app.SendAsync(bob.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now)))
            .AssertStatusAsync(HttpStatusCode.Unauthorized, "ana's Follow signed by bob");

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(Follow()), now, keyId: peer.Origin + "/users/nobody#main-key")))
            .AssertStatusAsync(HttpStatusCode.Unauthorized, "a key id nobody publishes");

        await AssertNothingChangedAsync(app);
    }

    [Fact]
    public async Task AnActorDocumentClaimingAnIdOnAnotherHostIsNotBelieved()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var liar = peer.Actor("liar");
        liar.ClaimedId = "http://127.0.0.2/users/liar";
        var follow = liar.Follow(InboxTestKit.PersonId(maya.Id));
        follow["actor"] = liar.ClaimedId;

        await (await app.SendAsync(liar.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Unauthorized, "a document from another host");

        Assert.Single(peer.FetchesOf(liar));
        Assert.False(await app.WithDbAsync(db => db.RemoteActors.AnyAsync()));
        await AssertNothingChangedAsync(app);
    }

    [Fact]
    public async Task MalformedPostsGetTheirOwnStatus()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");
        var follow = ana.Follow(InboxTestKit.PersonId(maya.Id));

        var huge = follow.DeepClone().AsObject();
        huge["summary"] = new string('a', 1024 * 1024);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, huge, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.RequestEntityTooLarge, "over a megabyte");

        var plain = PeerActor.Post(InboxTestKit.SharedInbox, Encoding.UTF8.GetBytes(follow.ToJsonString()), "text/plain");
        await (await app.SendAsync(plain)).AssertStatusAsync(HttpStatusCode.UnsupportedMediaType, "text/plain");

        var notJson = PeerActor.Post(InboxTestKit.SharedInbox, "{\"type\": \"Follow\""u8.ToArray());
        await (await app.SendAsync(notJson)).AssertStatusAsync(HttpStatusCode.BadRequest, "not JSON");

        var noActor = follow.DeepClone().AsObject();
        noActor.Remove("actor");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, noActor, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.BadRequest, "no actor");

        var impersonation = follow.DeepClone().AsObject();
        impersonation["actor"] = InboxTestKit.PersonId(maya.Id);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, impersonation, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Forbidden, "an actor on this site");

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId("no-such-user")), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.NotFound, "a Follow of nobody");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.PersonId("no-such-user") + "/inbox", follow, app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.NotFound, "the inbox of nobody");

        await AssertNothingChangedAsync(app);
    }

    [Fact]
    public async Task TheSameActivityTwiceIsAConflictThatChangesNothing()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");
        var follow = ana.Follow(InboxTestKit.PersonId(maya.Id));
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "first time");
        var undo = ana.Undo(follow);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, undo, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "the Undo");

        app.Clock.Now = app.Clock.Now.AddMinutes(5);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Conflict, "the Follow replayed");

        Assert.Empty(await app.FollowersAsync());
        Assert.Single(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task AFloodFromOneHostIs429WithRetryAfter()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App(("Folio:Federation:InboxRequestsPerHostPerMinute", "3"));
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");

        for (var i = 0; i < 3; i++)
        {
            await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
                .AssertStatusAsync(HttpStatusCode.Accepted, $"activity {i + 1} of 3");
        }

        var flood = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now));

        await flood.AssertStatusAsync(HttpStatusCode.TooManyRequests, "the fourth this minute");
        Assert.True(flood.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        Assert.Equal(3, (await app.DeliveriesAsync()).Count);
    }
}
