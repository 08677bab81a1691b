using System.Net;
using Folio.Features.Federation.Remote;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

/// <summary>
/// Every URL Folio fetches or posts to is named by a stranger; a real site (without AllowPrivateNetworks, which the other
/// federation tests set to reach their loopback peers) talks only to servers on the public internet.
/// </summary>
public sealed class PublicNetworkTests
{
    [Theory]
    [InlineData("127.0.0.1"), InlineData("127.5.5.5"), InlineData("0.0.0.0"), InlineData("10.1.2.3"), InlineData("172.16.0.1"), InlineData("172.31.255.254")]
    [InlineData("192.168.1.1"), InlineData("169.254.169.254"), InlineData("100.64.0.1"), InlineData("224.0.0.1"), InlineData("255.255.255.255")]
    [InlineData("::1"), InlineData("::"), InlineData("fe80::1"), InlineData("fd12:3456::1"), InlineData("ff02::1"), InlineData("::ffff:127.0.0.1"), InlineData("::ffff:10.0.0.1")]
    public void LoopbackPrivateLinkLocalAndReservedAddressesAreNotPublic(string address) =>
        Assert.False(PublicNetwork.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8"), InlineData("93.184.216.34"), InlineData("172.32.0.1"), InlineData("100.128.0.1"), InlineData("2606:4700::1111"), InlineData("::ffff:8.8.8.8")]
    public void InternetAddressesArePublic(string address) => Assert.True(PublicNetwork.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task AnActorOnALoopbackAddressIsNeverFetchedSoItsActivityIsUnverifiable()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Federation:AllowHttp"] = "true" });
        var maya = await app.Data.PersonAsync();
        var ana = peer.Actor("ana");

        var response = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Unauthorized, "a key that could only be fetched from loopback");
        Assert.Empty(peer.FetchesOf(ana));
        Assert.Empty(await app.FollowersAsync());
    }

    [Fact]
    public async Task ADeliveryToAnInboxOnALoopbackAddressIsRefusedForGoodWithoutARequest()
    {
        using var remote = new RemoteInbox();
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Federation:AllowHttp"] = "true" });
        await app.PauseFederationWorkerAsync();
        var inbox = remote.Url("/inbox");

        await app.QueueAsync(await app.Data.PersonAsync(), inbox);
        Assert.Equal(0, await app.DeliverDueAsync());

        var delivery = await app.DeliveryToAsync(inbox);
        Assert.Empty(remote.Received);
        Assert.Equal((null, null, null), (delivery.LastStatusCode, delivery.NextAttemptAt, delivery.DeliveredAt));
        Assert.Contains("not on the public internet", delivery.LastError);
    }
}
