using System.Net;
using Folio.Features.Federation;
using Folio.Features.Federation.Signatures;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

public sealed class FollowInboxTests
{
    [Fact]
    public async Task SignedFollowOfACreatorStoresTheFollowerAndQueuesAnAcceptToTheirInbox()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");
        var follow = ana.Follow(InboxTestKit.PersonId(maya.Id));

        var response = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Accepted, "a signed Follow");
        var follower = Assert.Single(await app.FollowersAsync());
        Assert.Equal((ActorKind.Person, maya.Id, ana.Id), (follower.Kind, follower.OwnerId, follower.RemoteActor.Uri));
        Assert.Equal(follow["id"]!.GetValue<string>(), follower.FollowActivityId);
        Assert.Equal((peer.SharedInbox, "ana", "127.0.0.1"), (follower.RemoteActor.SharedInbox, follower.RemoteActor.PreferredUsername, follower.RemoteActor.Host));

        var accept = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal((ActorKind.Person, maya.Id, ana.Inbox), (accept.SenderKind, accept.SenderId, accept.Inbox));
        var json = accept.Json();
        Assert.Equal("Accept", json.GetProperty("type").GetString());
        Assert.StartsWith(InboxTestKit.Origin + "/ap/activities/accept/", json.GetProperty("id").GetString());
        Assert.Equal(InboxTestKit.PersonId(maya.Id), json.GetProperty("actor").GetString());
        Assert.Equal(follow["id"]!.GetValue<string>(), json.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal(ana.Id, json.GetProperty("object").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task FollowOfACommunityThroughItsOwnInboxMakesAGroupFollower()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var ana = peer.Actor("ana");
        var groupId = InboxTestKit.GroupId(community.Id);

        var response = await app.SendAsync(ana.SignedPost(groupId + "/inbox", ana.Follow(groupId), app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Accepted, "a Follow of a Group");
        var follower = Assert.Single(await app.FollowersAsync());
        Assert.Equal((ActorKind.Group, community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (follower.Kind, follower.OwnerId));
        var accept = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(groupId, accept.Json().GetProperty("actor").GetString());
    }

    [Fact]
    public async Task FollowingTwiceKeepsOneFollowerAndUndoByIdOrEmbeddedRemovesIt()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");
        var first = ana.Follow(InboxTestKit.PersonId(maya.Id));
        var second = ana.Follow(InboxTestKit.PersonId(maya.Id));

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, first, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "first Follow");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, second, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "second Follow");
        Assert.Equal(second["id"]!.GetValue<string>(), Assert.Single(await app.FollowersAsync()).FollowActivityId);
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);

        var undoById = ana.Undo(second["id"]!);
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, undoById, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Undo by id");
        Assert.Empty(await app.FollowersAsync());

        var third = ana.Follow(InboxTestKit.PersonId(maya.Id));
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, third, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "third Follow");
        Assert.Single(await app.FollowersAsync());
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Undo(third), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Undo embedded");
        Assert.Empty(await app.FollowersAsync());
    }

    [Fact]
    public async Task AnotherActorCannotUndoSomeoneElsesFollow()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var follow = ana.Follow(InboxTestKit.PersonId(maya.Id));
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Follow");

        var bobsUndo = bob.Undo(follow);
        await (await app.SendAsync(bob.SignedPost(InboxTestKit.SharedInbox, bobsUndo, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "someone else's Undo");

        Assert.Single(await app.FollowersAsync());
    }

    [Fact]
    public async Task AnRfc9421SignedFollowIsAccepted()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");

        var response = await app.SendAsync(ana.Rfc9421Post(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Accepted, "an RFC 9421 signed Follow");
        Assert.Single(await app.FollowersAsync());
    }

    [Fact]
    public async Task FolioFetchesTheActorWithAGetSignedByItsInstanceActor()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Accepted, "Follow");

        var fetch = Assert.Single(peer.FetchesOf(ana));
        Assert.Contains("application/activity+json", fetch.Header("Accept"));
        var instanceKey = await app.WithDbAsync(db => db.ActorKeys.SingleAsync(k => k.Kind == ActorKind.Instance));
        var signed = SignedRequest.Of("GET", ana.Id, fetch.Headers.Select(h => (h.Key, h.Value)));
        var check = HttpSignatures.Check(signed, app.Clock.Now);
        Assert.Null(check.Problem);
        Assert.Equal(InboxTestKit.Origin + "/ap/actor#main-key", check.Signature!.KeyId);
        Assert.True(check.Signature.IsValidFor(instanceKey.PublicKeyPem));
    }

    [Fact]
    public async Task ARotatedKeyIsFetchedAgainOnceAndAnUnpublishedKeyStillFails()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var (maya, lee) = (await app.Data.PersonAsync(), await app.Data.PersonAsync());
        var ana = peer.Actor("ana");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Accepted, "Follow with the first key");
        Assert.Single(peer.FetchesOf(ana));

        ana.RotateKey();
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(lee.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Accepted, "Follow with the rotated key");
        Assert.Equal(2, peer.FetchesOf(ana).Count);

        using var unpublished = System.Security.Cryptography.RSA.Create(2048);
        var forged = ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(lee.Id)), app.Clock.Now, unpublished.ExportPkcs8PrivateKeyPem());
        await (await app.SendAsync(forged)).AssertStatusAsync(HttpStatusCode.Unauthorized, "a key the actor never published");
        Assert.Equal(3, peer.FetchesOf(ana).Count);
        Assert.Equal(2, (await app.FollowersAsync()).Count);
    }
}
