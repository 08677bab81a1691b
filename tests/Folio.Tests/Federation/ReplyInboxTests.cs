using System.Net;
using System.Text.Json.Nodes;
using Folio.Features.Comments;
using Folio.Features.Federation.Remote;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

public sealed class ReplyInboxTests
{
    private static string ArticleId(Story story) => $"{InboxTestKit.Origin}/ap/stories/{story.Id}";

    private static async Task SendAsync(FolioApp app, PeerActor actor, JsonObject activity, HttpStatusCode expected = HttpStatusCode.Accepted) =>
        await (await app.SendAsync(actor.SignedPost(InboxTestKit.SharedInbox, activity, app.Clock.Now)))
            .AssertStatusAsync(expected, $"{actor.Name}'s {activity["type"]}");

    private static Task<List<Comment>> CommentsAsync(FolioApp app) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private static Task<Comment> ReplyAsync(FolioApp app, JsonObject note) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.RemoteNoteId == (string)note["id"]!));

    [Fact]
    public async Task AReplyToAStoryShowsOnItsPageWithTheRemoteAuthorsNameHandleAndProfileAndNotifiesTheCreator()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var maya = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(community, maya);
        var ana = peer.Actor("ana");
        var note = ana.Note(ArticleId(story),
            $"<p><span class=\"h-card\" translate=\"no\"><a href=\"{InboxTestKit.Origin}/authors/{maya.UserName}\" class=\"u-url mention\">@<span>{maya.UserName}</span></a></span> What a <em>lovely</em> piece.</p><p>See <a href=\"https://example.org/more\">this</a>.</p>");

        await SendAsync(app, ana, ana.About("Create", note));

        var reply = await ReplyAsync(app, note);
        var page = await app.GetPageAsync(StoryLinks.Path(community.Slug, story.Slug));
        var shown = page.QuerySelector($"#comment-{reply.Id}")!;
        var author = shown.QuerySelector(".comment__author")!;
        Assert.Equal("ana on the peer", author.TextContent);
        Assert.Equal($"{peer.Origin}/@ana", author.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", author.GetAttribute("rel"));
        Assert.Equal("@ana@127.0.0.1", shown.QuerySelector(".comment__handle")?.TextContent);
        Assert.Equal($"{peer.Origin}/avatars/ana.png", shown.QuerySelector(".comment__avatar")?.GetAttribute("src"));
        Assert.Equal((string)note["url"]!, shown.QuerySelector(".comment__via")?.GetAttribute("href"));
        Assert.Equal("What a lovely piece.", shown.QuerySelector(".comment__body p")?.TextContent);
        Assert.Equal("https://example.org/more", shown.QuerySelector(".comment__body a")?.GetAttribute("href"));
        Assert.DoesNotContain("@" + maya.UserName, shown.QuerySelector(".comment__body")!.TextContent);
        Assert.Empty(page.QuerySelectorAll($"a[href*='/authors/{FediverseAccount.UserName}']"));
        await app.GetPageAsync($"/authors/{FediverseAccount.UserName}", HttpStatusCode.NotFound);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ap/comments/{reply.Id}")).StatusCode);

        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientId == maya.Id));
        Assert.Equal((NotificationKind.CommentOnStory, reply.Id), (notice.Kind, notice.CommentId));
        var line = await app.WithDbAsync(db => new NotificationFeed(db, app.Clock).PageAsync(maya.Id, 1));
        Assert.Equal("ana on the peer commented on your story", Assert.Single(line.Items).Before);
    }

    [Fact]
    public async Task RepliesToALocalCommentAndToARemoteReplyAreThreadedUnderThem()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var reader = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya);
        var local = await app.Data.CommentAsync(story, reader, "A local comment");
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var anasReply = ana.Note($"{InboxTestKit.Origin}/ap/comments/{local.Id}", "<p>Answering the reader</p>");
        var bobsReply = bob.Note((string)anasReply["id"]!, "<p>Answering ana</p>");

        await SendAsync(app, ana, ana.About("Create", anasReply));
        await SendAsync(app, bob, bob.About("Create", bobsReply));

        var (first, second) = (await ReplyAsync(app, anasReply), await ReplyAsync(app, bobsReply));
        Assert.Equal((story.Id, local.Id), (first.StoryId, first.ParentId));
        Assert.Equal((story.Id, first.Id), (second.StoryId, second.ParentId));
        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Select(n => new { n.RecipientId, n.Kind, n.CommentId }).ToListAsync());
        Assert.Contains(new { RecipientId = reader.Id, Kind = NotificationKind.ReplyToComment, CommentId = (int?)first.Id }, notices);
        Assert.DoesNotContain(notices, n => n.RecipientId == FediverseAccount.Id);
    }

    [Fact]
    public async Task ScriptsHandlersAndJavascriptLinksInAReplyAreRemoved()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());
        var ana = peer.Actor("ana");
        var note = ana.Note(ArticleId(story),
            "<p onclick=\"steal()\">Hello <script>steal()</script><a href=\"javascript:steal()\">click me</a> <img src=x onerror=steal()></p>");

        await SendAsync(app, ana, ana.About("Create", note));

        var reply = await ReplyAsync(app, note);
        var body = (await app.GetPageAsync(StoryLinks.Path(community.Slug, story.Slug))).QuerySelector($"#comment-{reply.Id} .comment__body")!;
        Assert.Equal("Hello click me", body.TextContent.Trim());
        Assert.DoesNotContain("steal", body.InnerHtml);
        Assert.Empty(body.QuerySelectorAll("script, img, [onclick], a[href^='javascript']"));
    }

    [Fact]
    public async Task AReplyAttributedToSomeoneElseIsForbiddenAndStoresNothing()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));

        await SendAsync(app, bob, bob.About("Create", ana.Note(ArticleId(story), "<p>I am ana, honest</p>")), HttpStatusCode.Forbidden);
        await SendAsync(app, ana, ana.About("Create", ana.Note(ArticleId(story), "<p>As a local</p>", InboxTestKit.PersonId(story.AuthorId))), HttpStatusCode.Forbidden);

        Assert.Empty(await CommentsAsync(app));
    }

    [Fact]
    public async Task RepliesFasterThanReadersMayCommentAreRefusedWithRetryAfterAndTheSameNoteTwiceIsStoredOnce()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App(("Folio:Comments:PerMinute", "2"));
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var first = ana.Note(ArticleId(story), "<p>One</p>");

        await SendAsync(app, ana, ana.About("Create", first));
        await SendAsync(app, ana, ana.About("Create", first));
        await SendAsync(app, ana, ana.About("Create", ana.Note(ArticleId(story), "<p>Two</p>")));
        var refused = await app.SendAsync(ana.SignedPost(InboxTestKit.SharedInbox, ana.About("Create", ana.Note(ArticleId(story), "<p>Three</p>")), app.Clock.Now));
        await SendAsync(app, bob, bob.About("Create", bob.Note(ArticleId(story), "<p>Bob has his own limit</p>")));

        await refused.AssertStatusAsync(HttpStatusCode.TooManyRequests, "ana's third reply in a minute");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(["One", "Two", "Bob has his own limit"], (await CommentsAsync(app)).Select(c => c.Body));
    }

    [Fact]
    public async Task TheAuthorsUpdateEditsAReplyAndTheirDeleteDeletesItWhileAnotherActorsChangeNothing()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, await app.Data.PersonAsync());
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var note = ana.Note(ArticleId(story), "<p>First thoughts</p>");
        await SendAsync(app, ana, ana.About("Create", note));

        var forged = note.Edited("<p>Bob's words</p>");
        forged["attributedTo"] = bob.Id;
        await SendAsync(app, bob, bob.About("Update", forged));
        await SendAsync(app, bob, bob.About("Delete", note));
        Assert.Equal(("First thoughts", null, null), await StateAsync());

        await SendAsync(app, ana, ana.About("Update", note.Edited("<p>Second thoughts</p>")));
        var edited = await StateAsync();
        Assert.Equal("Second thoughts", edited.Body);
        Assert.NotNull(edited.EditedAt);
        var url = StoryLinks.Path(community.Slug, story.Slug);
        Assert.Equal("edited", (await app.GetPageAsync(url)).QuerySelector(".comment__edited")?.TextContent);

        await SendAsync(app, ana, ana.About("Delete", note));
        Assert.NotNull((await StateAsync()).DeletedAt);
        var page = await app.GetPageAsync(url);
        Assert.DoesNotContain("thoughts", page.QuerySelector("#comments")!.TextContent);
        Assert.Equal("This comment was deleted.", page.QuerySelector(".comment__tombstone")?.TextContent);

        async Task<(string Body, DateTime? EditedAt, DateTime? DeletedAt)> StateAsync()
        {
            var reply = await ReplyAsync(app, note);
            return (reply.Body, reply.EditedAt, reply.DeletedAt);
        }
    }

    [Fact]
    public async Task AnActorThatDeletesItselfLeavesTombstonesWhereItsRepliesWere()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var ana = peer.Actor("ana");
        var note = ana.Note(ArticleId(story), "<p>Soon gone</p>");
        await SendAsync(app, ana, ana.About("Create", note));

        await SendAsync(app, ana, ana.Activity("Delete", ana.Id));

        var reply = Assert.Single(await CommentsAsync(app));
        Assert.Equal(("", null), (reply.Body, reply.RemoteActorId));
        Assert.NotNull(reply.DeletedAt);
    }

    [Fact]
    public async Task AStoryWithCommentsOffOrADraftTakesNoReplies()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var community = await app.Data.CommunityAsync();
        var closed = await app.Data.StoryAsync(community, await app.Data.PersonAsync());
        await app.WithDbAsync(db => db.Stories.Where(s => s.Id == closed.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CommentsEnabled, false)));
        var draft = await app.Data.StoryAsync(community, await app.Data.PersonAsync(), status: StoryStatus.Draft);
        var ana = peer.Actor("ana");

        await SendAsync(app, ana, ana.About("Create", ana.Note(ArticleId(closed), "<p>Let me in</p>")), HttpStatusCode.UnprocessableEntity);
        await SendAsync(app, ana, ana.About("Create", ana.Note(ArticleId(draft), "<p>Early</p>")));
        await SendAsync(app, ana, ana.About("Create", ana.Note(peer.Origin + "/notes/elsewhere", "<p>Not about Folio</p>")));

        Assert.Empty(await CommentsAsync(app));
    }

    [Fact]
    public async Task TheCreatorHidesAReplyAModeratorRemovesOneAndReportsNameTheRemoteAuthor()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        using var creator = await app.ClientForAsync(Persona.Creator);
        var community = await app.Data.CommunityAsync();
        var story = await app.Data.StoryAsync(community, creator.User!);
        var (ana, bob) = (peer.Actor("ana"), peer.Actor("bob"));
        var (anasNote, bobsNote) = (ana.Note(ArticleId(story), "<p>Rude words</p>"), bob.Note(ArticleId(story), "<p>Spam words</p>"));
        await SendAsync(app, ana, ana.About("Create", anasNote));
        await SendAsync(app, bob, bob.About("Create", bobsNote));
        var (anas, bobs) = (await ReplyAsync(app, anasNote), await ReplyAsync(app, bobsNote));

        var creatorsView = await creator.Http.GetHtmlAsync(StoryLinks.Path(community.Slug, story.Slug));
        Assert.Empty(creatorsView.QuerySelectorAll($"#comment-{anas.Id} a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.Redirect, (await creator.Http.ActOnCommentAsync(anas.Id, "Hide")).StatusCode);
        Assert.NotNull((await app.CommentRowAsync(anas.Id)).HiddenAt);

        using var reader = await app.ClientForAsync(Persona.Reader);
        var form = await reader.Http.GetHtmlAsync($"/comments/{bobs.Id}/report");
        Assert.Contains("bob on the peer (@bob@127.0.0.1)", form.QuerySelector(".lead")?.TextContent);
        var sent = await reader.Http.PostFormAsync($"/comments/{bobs.Id}/report", new() { ["Reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        using var moderator = await app.ClientForAsync(Persona.Moderator);
        var reports = await moderator.Http.GetHtmlAsync("/moderation/comments");
        Assert.Contains("bob on the peer", reports.QuerySelector(".comment-report .queue-item__title")?.TextContent);
        Assert.Contains("@bob@127.0.0.1", reports.QuerySelector(".comment-report")?.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.ActOnCommentAsync(bobs.Id, "Remove")).StatusCode);
        Assert.NotNull((await app.CommentRowAsync(bobs.Id)).RemovedAt);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, summary => summary.Contains("@bob@127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApiSaysAReplyFromTheFediverseIsRemoteWithItsHandleAndProfile()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        var ana = peer.Actor("ana");
        await SendAsync(app, ana, ana.About("Create", ana.Note(ArticleId(story), "<p>Via the API</p>")));
        using var api = await app.ApiClientForAsync(Persona.Anonymous);

        var author = (await (await api.GetAsync($"/api/v1/stories/{story.Id}/comments")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("author");

        Assert.True(author.GetProperty("remote").GetBoolean());
        Assert.Equal(("ana on the peer", "@ana@127.0.0.1", $"{peer.Origin}/@ana"),
            (author.GetProperty("name").GetString(), author.GetProperty("handle").GetString(), author.GetProperty("url").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, author.GetProperty("username").ValueKind);
    }
}
