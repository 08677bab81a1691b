using System.Net;
using Folio.Features.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>A creator's choice, at /settings, to share their stories on the fediverse or to stay off it.</summary>
public sealed class FederationChoiceTests : IDisposable
{
    private readonly RemoteInbox _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ACreatorWhoTurnsSharingOffKeepsTheirFollowersButNoStoryOfTheirsIsSentUntilTheyTurnItOnAgain()
    {
        using var app = InboxTestKit.App();
        await app.PauseFederationAsync();
        using var creator = await app.ClientForAsync(Persona.Creator);
        var community = await app.Data.CommunityAsync();
        await app.RemoteFollowerAsync(creator.User!, _server.Url("/users/ana"));
        await app.RemoteFollowerAsync(ActorKind.Group, community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), _server.Url("/users/ben"));

        var settings = await creator.Http.GetHtmlAsync("/settings");
        var choice = settings.QuerySelector("input[type=checkbox][name='Input.ShareOnFediverse']");
        Assert.Equal("checked", choice?.GetAttribute("checked"));
        Assert.Contains($"@{creator.User!.UserName}@localhost", settings.QuerySelector($"#{choice!.GetAttribute("aria-describedby")}")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveProfileAsync(creator, shareOnFediverse: false)).StatusCode);
        Assert.Null((await creator.Http.GetHtmlAsync("/settings")).QuerySelector("input[name='Input.ShareOnFediverse']")?.GetAttribute("checked"));
        await app.Data.StoryAsync(community, creator.User!);
        await app.FanOutDueAsync();
        Assert.Empty(await app.DeliveriesAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.RemoteFollowers.CountAsync()));

        await SaveProfileAsync(creator, shareOnFediverse: true);
        await app.Data.StoryAsync(community, creator.User!);
        await app.FanOutDueAsync();
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task ACreatorWithSharingOffHasNoActorNorHandleAndAFollowIsRejected()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == maya.Id)).FederationOff = true; await db.SaveChangesAsync(); });
        var ana = peer.Actor("ana");
        var follow = ana.Follow(InboxTestKit.PersonId(maya.Id));

        var response = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, follow, app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Accepted, "a signed Follow of a creator who is off the fediverse");
        Assert.Empty(await app.FollowersAsync());
        var reject = Assert.Single(await app.DeliveriesAsync()).Json();
        Assert.Equal(("Reject", InboxTestKit.PersonId(maya.Id)), (reject.GetProperty("type").GetString(), reject.GetProperty("actor").GetString()));
        Assert.Equal(follow["id"]!.GetValue<string>(), reject.GetProperty("object").GetProperty("id").GetString());

        using var http = app.CreateClient();
        using var actor = new HttpRequestMessage(HttpMethod.Get, $"/ap/people/{maya.Id}");
        actor.Headers.Accept.ParseAdd("application/activity+json");
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(actor)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/.well-known/webfinger?resource=acct:{maya.UserName}@localhost")).StatusCode);
    }

    [Fact]
    public async Task AStoryOfACreatorWithSharingOffIsNoArticleAndIsLeftOutOfItsCommunitysOutbox()
    {
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var shared = await app.Data.StoryAsync(community, await app.Data.PersonAsync());
        var maya = await app.Data.PersonAsync();
        var kept = await app.Data.StoryAsync(community, maya);
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == maya.Id)).FederationOff = true; await db.SaveChangesAsync(); });

        await app.NotFoundAsync($"/ap/stories/{kept.Id}");
        Assert.Equal("Article", (await app.ActivityAsync($"/ap/stories/{shared.Id}")).Text("type"));
        var outbox = await app.ActivityAsync($"/ap/communities/{community.Id}/outbox");
        var page = await app.ActivityAsync(ActivityPubCalls.PathOf(outbox.Text("first")));
        Assert.Equal([$"http://localhost/ap/stories/{shared.Id}"], page.GetProperty("orderedItems").EnumerateArray().Select(i => i.Text("object")));
    }

    private static Task<HttpResponseMessage> SaveProfileAsync(SignedInClient creator, bool shareOnFediverse)
    {
        // As a browser sends a checkbox drawn by asp-for: "true" and the hidden "false" when ticked, only "false" when not.
        var fields = new List<KeyValuePair<string, string>> { new("Input.DisplayName", "Maya Ortiz"), new("Input.UserName", creator.User!.UserName!) };
        if (shareOnFediverse)
        {
            fields.Add(new("Input.ShareOnFediverse", "true"));
        }

        fields.Add(new("Input.ShareOnFediverse", "false"));
        return creator.Http.PostFormAsync("/settings", fields, "/settings");
    }
}
