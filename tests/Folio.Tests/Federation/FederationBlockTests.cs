using System.Net;
using System.Text.Json.Nodes;
using Folio.Features.Audit;
using Folio.Features.Federation;
using Folio.Features.Federation.Blocks;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

public sealed class FederationBlockTests
{
    private const string BlocksPage = "/moderation/fediverse";

    private static string ArticleId(Story story) => $"{InboxTestKit.Origin}/ap/stories/{story.Id}";

    private static Task<HttpResponseMessage> BlockAsync(SignedInClient moderator, string target, string reason = "Floods us with spam.") =>
        moderator.Http.PostFormAsync(BlocksPage, new() { ["Input.Target"] = target, ["Input.Reason"] = reason });

    [Fact]
    public async Task ABlockedServerLosesItsFollowsLikesAndBoostsAndWhatItSendsNextIsRefusedBeforeAnyFetch()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, maya);
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        foreach (var (actor, activity) in new[] { (ana, ana.Follow(InboxTestKit.PersonId(maya.Id))), (ana, ana.Activity("Like", ArticleId(story))), (bob, bob.Activity("Announce", ArticleId(story))) })
        {
            await (await app.SendAsync(actor.SignedPost(InboxTestKit.SharedInbox, activity, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, (string)activity["type"]!);
        }

        var reply = bob.Note(ArticleId(story), "<p>Buy cheap watches at our shop.</p>");
        await (await app.SendAsync(bob.SignedPost(InboxTestKit.SharedInbox, bob.About("Create", reply), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "bob's reply");

        using var visitor = app.CreateClient();
        var url = StoryLinks.Path(community.Slug, story.Slug);
        var before = await visitor.GetHtmlAsync(url);
        Assert.Equal("1 like and 1 boost on the fediverse", before.QuerySelector(".story-fediverse")?.TextContent);
        Assert.Contains("cheap watches", before.QuerySelector(".comments")?.TextContent);

        using var moderator = await app.ClientForAsync(Persona.Moderator);
        Assert.Equal(HttpStatusCode.Redirect, (await BlockAsync(moderator, "127.0.0.1")).StatusCode);

        Assert.Empty(await app.FollowersAsync());
        Assert.False(await app.WithDbAsync(db => db.RemoteReactions.AnyAsync()));
        var after = await visitor.GetHtmlAsync(url);
        Assert.Null(after.QuerySelector(".story-fediverse"));
        Assert.DoesNotContain("cheap watches", after.Body!.TextContent);
        Assert.NotNull(await app.WithDbAsync(db => db.Comments.Where(c => c.RemoteNoteId == (string)reply["id"]!).Select(c => c.RemovedAt).SingleAsync()));

        var fetchesBefore = peer.Requests.Count(r => r.Method == "GET");
        var carl = peer.Actor("carl");
        await (await app.SendAsync(carl.SignedPost(InboxTestKit.SharedInbox, carl.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Forbidden, "a Follow from a blocked server");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Activity("Like", ArticleId(story)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Forbidden, "a Like from a blocked server");

        Assert.Equal(fetchesBefore, peer.Requests.Count(r => r.Method == "GET"));
        Assert.Empty(await app.FollowersAsync());
        Assert.False(await app.WithDbAsync(db => db.RemoteReactions.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.RemoteActors.AnyAsync(a => a.Uri == carl.Id)));
    }

    [Fact]
    public async Task ADomainBlockCoversItsSubdomainsAndAnActorBlockOnlyThatActor()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        using var moderator = await app.ClientForAsync(Persona.Moderator);
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        await BlockAsync(moderator, "spam.example");
        await BlockAsync(moderator, ana.Id);

        var fromSubdomain = new JsonObject
        {
            ["id"] = "https://eu.spam.example/follows/1", ["type"] = "Follow", ["actor"] = "https://eu.spam.example/users/x", ["object"] = InboxTestKit.PersonId(maya.Id),
        };
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, fromSubdomain, app.Clock.Now, keyId: "https://eu.spam.example/users/x#main-key")))
            .AssertStatusAsync(HttpStatusCode.Forbidden, "a Follow from a subdomain of a blocked domain");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Forbidden, "a Follow from a blocked actor");
        await (await app.SendAsync(bob.SignedPost(InboxTestKit.SharedInbox, bob.Follow(InboxTestKit.PersonId(maya.Id)), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Accepted, "a Follow from someone else on the blocked actor's server");

        Assert.Equal("bob", Assert.Single(await app.FollowersAsync()).RemoteActor.PreferredUsername);
    }

    [Fact]
    public async Task NothingQueuedBeforeABlockIsDeliveredToTheBlockedServerAndTheFanOutSkipsItsFollowers()
    {
        using var remote = new RemoteInbox();
        using var app = InboxTestKit.App();
        await app.PauseFederationAsync();
        var maya = await app.Data.PersonAsync();
        var community = await app.Data.CommunityAsync();
        await app.QueueAsync(maya, remote.Url("/inbox"));
        using var moderator = await app.ClientForAsync(Persona.Moderator);
        await BlockAsync(moderator, "127.0.0.1");

        // A follow stored after the block was made, as a save racing it could.
        await app.RemoteFollowerAsync(maya, remote.Url("/users/ana"), remote.Url("/inbox"));
        await app.Data.StoryAsync(community, maya);
        await app.FanOutDueAsync();
        Assert.Equal(0, await app.DeliverDueAsync());

        Assert.Empty(remote.Received);
        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Contains("blocked", delivery.LastError);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public async Task BlockingAHandleResolvesItThroughWebFingerAndLiftingABlockIsAudited()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var ana = peer.Actor("ana");
        using var moderator = await app.ClientForAsync(Persona.Moderator);
        var handle = $"@ana@{new Uri(peer.Origin).Authority}";

        Assert.Equal(HttpStatusCode.Redirect, (await BlockAsync(moderator, handle, "Harasses our writers.")).StatusCode);

        var page = await moderator.Http.GetHtmlAsync(BlocksPage);
        var row = Assert.Single(page.QuerySelectorAll(".block-list li"));
        Assert.Equal(ana.Id, row.QuerySelector(".block-list__value")?.TextContent);
        Assert.Contains("Harasses our writers.", row.TextContent);
        Assert.Contains(moderator.User!.DisplayName, row.TextContent);

        var lift = row.QuerySelector("form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.PostFormAsync(lift, [], BlocksPage)).StatusCode);
        Assert.Empty((await moderator.Http.GetHtmlAsync(BlocksPage)).QuerySelectorAll(".block-list li"));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "federation-block").OrderBy(e => e.Id).Select(e => new { e.Action, e.SubjectId, e.ActorId }).ToListAsync());
        Assert.Equal([(AuditActions.FederationBlock, ana.Id), (AuditActions.FederationUnblock, ana.Id)], audited.Select(e => (e.Action, e.SubjectId)));
        Assert.All(audited, e => Assert.Equal(moderator.User!.Id, e.ActorId));
    }

    [Theory]
    [InlineData("", "Type a domain")]
    [InlineData("not a domain!", "is not a domain name")]
    [InlineData("http://localhost/ap/people/someone", "is this site")]
    [InlineData("already.example", "is already blocked")]
    [InlineData("@nobody@PEER", "does not know")]
    public async Task TheBlockFormSaysWhatToFixAndKeepsWhatWasTyped(string typed, string problem)
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        using var moderator = await app.ClientForAsync(Persona.Moderator);
        await BlockAsync(moderator, "already.example");
        typed = typed.Replace("PEER", new Uri(peer.Origin).Authority, StringComparison.Ordinal);

        var response = await BlockAsync(moderator, typed, "Because.");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(problem, page.QuerySelector("[data-valmsg-for='Input.Target']")?.TextContent);
        Assert.Equal(typed, page.QuerySelector("#Input_Target")?.GetAttribute("value"));
        Assert.Equal("Because.", page.QuerySelector("#Input_Reason")?.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.FederationBlocks.CountAsync()));
    }

    [Fact]
    public async Task ABlockNeedsAReason()
    {
        using var app = InboxTestKit.App();
        using var moderator = await app.ClientForAsync(Persona.Moderator);

        var response = await BlockAsync(moderator, "spam.example", "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("Say why", page.QuerySelector("[data-valmsg-for='Input.Reason']")?.TextContent);
        Assert.Equal("spam.example", page.QuerySelector("#Input_Target")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.FederationBlocks.AnyAsync()));
    }

    [Fact]
    public async Task ModeratorsSeeCreatorsAndCommunitiesByRemoteFollowersAndEachOnesFollowersWithWaysToBlockThem()
    {
        using var app = InboxTestKit.App();
        var (maya, leo) = (await app.Data.PersonAsync(displayName: "Maya Rivers"), await app.Data.PersonAsync(displayName: "Leo Park"));
        var earth = await app.Data.CommunityAsync(name: "Earth");
        await app.RemoteFollowerAsync(maya, "https://mastodon.example/users/ana");
        await app.RemoteFollowerAsync(maya, "https://social.example/users/bob");
        await app.RemoteFollowerAsync(leo, "https://mastodon.example/users/ana");
        foreach (var name in new[] { "ana", "bob", "cy" })
        {
            await app.RemoteFollowerAsync(ActorKind.Group, earth.Id.ToString(), $"https://lemmy.example/u/{name}");
        }

        using var moderator = await app.ClientForAsync(Persona.Moderator);
        var list = await moderator.Http.GetHtmlAsync("/moderation/fediverse/followers");
        Assert.Equal(["Earth 3 followers", "Maya Rivers (@" + maya.UserName + ") 2 followers", "Leo Park (@" + leo.UserName + ") 1 follower"],
            list.QuerySelectorAll(".followed-list__item").Select(i => $"{i.QuerySelector("h3")!.TextContent} {i.QuerySelector(".followed-list__count")!.TextContent}"));

        var drill = list.QuerySelectorAll(".followed-list__item h3 a")[1].GetAttribute("href")!;
        var followers = await moderator.Http.GetHtmlAsync(drill);
        var rows = followers.QuerySelectorAll(".remote-followers li");
        Assert.Equal(["@?@social.example", "@?@mastodon.example"], rows.Select(r => r.QuerySelector(".remote-followers__handle")!.TextContent.Trim()));
        var blockLinks = rows[0].QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{BlocksPage}?target={Uri.EscapeDataString("https://social.example/users/bob")}#block", $"{BlocksPage}?target=social.example#block"], blockLinks);

        var form = await moderator.Http.GetHtmlAsync(blockLinks[1]!.Split('#')[0]);
        Assert.Equal("social.example", form.QuerySelector("#Input_Target")?.GetAttribute("value"));
        await moderator.Http.GetHtmlAsync("/moderation/fediverse/followers/creator/no-such-user", HttpStatusCode.NotFound);
        await moderator.Http.GetHtmlAsync($"/moderation/fediverse/followers/planet/{maya.Id}", HttpStatusCode.NotFound);
    }
}
