using System.Net;
using Folio.Features.Federation.Inbox;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

public sealed class ReactionInboxTests
{
    private static string ArticleId(Story story) => $"{InboxTestKit.Origin}/ap/stories/{story.Id}";

    private static Task<List<(string Actor, RemoteReactionType Type, int StoryId)>> ReactionsAsync(FolioApp app) =>
        app.WithDbAsync(async db => (await db.RemoteReactions.Include(r => r.RemoteActor).AsNoTracking().ToListAsync())
            .Select(r => (r.RemoteActor.PreferredUsername!, r.Type, r.StoryId)).OrderBy(r => r.Item1).ThenBy(r => r.Type).ToList());

    [Fact]
    public async Task TheStoryPageSaysHowManyLikedAndBoostedItOnTheFediverseEvenWhenCachedForVisitors()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());
        var url = StoryLinks.Path(community.Slug, story.Slug);
        using var visitor = app.CreateClient();
        Assert.Null((await visitor.GetHtmlAsync(url)).QuerySelector(".story-fediverse"));

        foreach (var (name, type) in new[] { ("ana", "Like"), ("bob", "Like"), ("cy", "Like"), ("ana", "Announce") })
        {
            var actor = peer.Actor(name);
            await (await app.SendAsync(actor.SignedPost(InboxTestKit.SharedInbox, actor.Activity(type, ArticleId(story)), app.Clock.Now)))
                .AssertStatusAsync(HttpStatusCode.Accepted, type);
        }

        Assert.Equal("3 likes and 1 boost on the fediverse", (await visitor.GetHtmlAsync(url)).QuerySelector(".story-fediverse")?.TextContent);
    }

    [Fact]
    public async Task LikesAndAnnouncesOfAStoryCountOncePerActorAndUndoTakesThemBack()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var anasLike = ana.Activity("Like", ArticleId(story));
        var anasAnnounce = ana.Activity("Announce", ArticleId(story));

        foreach (var (actor, activity) in new[] { (ana, anasLike), (ana, ana.Activity("Like", ArticleId(story))), (ana, anasAnnounce), (bob, bob.Activity("Like", ArticleId(story))) })
        {
            await (await app.SendAsync(actor.SignedPost(InboxTestKit.SharedInbox, activity, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, (string)activity["type"]!);
        }

        Assert.Equal([("ana", RemoteReactionType.Like, story.Id), ("ana", RemoteReactionType.Announce, story.Id), ("bob", RemoteReactionType.Like, story.Id)], await ReactionsAsync(app));

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Undo(anasAnnounce), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Undo the Announce");
        await (await app.SendAsync(bob.SignedPost(InboxTestKit.SharedInbox, bob.Undo(ana.Activity("Like", ArticleId(story))), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "bob undoes a Like");

        Assert.Equal([("ana", RemoteReactionType.Like, story.Id)], await ReactionsAsync(app));
    }

    [Fact]
    public async Task ALikeOfADraftOrOfAnotherServersPostIsAcceptedAndStoresNothing()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var draft = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync(), status: StoryStatus.Draft);
        var ana = peer.Actor("ana");

        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Activity("Like", ArticleId(draft)), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Like of a draft");
        await (await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Activity("Announce", peer.Origin + "/notes/1"), app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "Announce of a remote note");

        Assert.Empty(await ReactionsAsync(app));
    }

    [Fact]
    public async Task ADeletedActorIsForgottenWithItsFollowsAndReactionsEvenOnceItsDocumentIsGone()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya);
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        foreach (var (actor, activity) in new[] { (ana, ana.Follow(InboxTestKit.PersonId(maya.Id))), (ana, ana.Activity("Like", ArticleId(story))), (bob, bob.Follow(InboxTestKit.PersonId(maya.Id))) })
        {
            await (await app.SendAsync(actor.SignedPost(InboxTestKit.SharedInbox, activity, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, (string)activity["type"]!);
        }

        ana.Gone = true;
        app.Clock.Now = app.Clock.Now.AddDays(2);
        var response = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.Activity("Delete", ana.Id), app.Clock.Now));

        await response.AssertStatusAsync(HttpStatusCode.Accepted, "ana's Delete of herself, signed with her stored key");
        Assert.Equal("bob", Assert.Single(await app.FollowersAsync()).RemoteActor.PreferredUsername);
        Assert.Empty(await ReactionsAsync(app));
        Assert.False(await app.WithDbAsync(db => db.RemoteActors.AnyAsync(a => a.Uri == ana.Id)));
    }
}
