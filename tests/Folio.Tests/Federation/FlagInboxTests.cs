using System.Net;
using System.Text.Json.Nodes;
using Folio.Features.Federation.Inbox;
using Folio.Features.Federation.Remote;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

public sealed class FlagInboxTests
{
    /// <summary>A Flag as Mastodon sends one: from its instance actor, naming the reported account and what it reported.</summary>
    private static JsonObject Flag(PeerActor instance, string content, params string[] objects) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = $"{instance.Id}#flags/{Guid.NewGuid():N}",
        ["type"] = "Flag",
        ["actor"] = instance.Id,
        ["content"] = content,
        ["object"] = new JsonArray([.. objects.Select(o => (JsonNode)o)]),
    };

    [Fact]
    public async Task AFlagBecomesAReportOnEachPublishedStoryAndCommentItNamesThatModeratorsSeeAsFromItsServer()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya, title: "The tide tables");
        var draft = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya, status: StoryStatus.Draft);
        var comment = await app.Data.CommentAsync(story, maya, "Buy cheap watches");
        var instance = peer.Actor("instance");
        var flag = Flag(instance, "  Spam links in the story and its comments.  ",
            InboxTestKit.PersonId(maya.Id), $"{InboxTestKit.Origin}/ap/stories/{story.Id}", $"{InboxTestKit.Origin}/ap/stories/{draft.Id}",
            $"{InboxTestKit.Origin}/ap/comments/{comment.Id}", $"{peer.Origin}/notes/1");

        await (await app.SendAsync(instance.SignedPost(InboxTestKit.SharedInbox, flag, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "a Flag");

        var storyReport = Assert.Single(await app.WithDbAsync(db => db.StoryReports.AsNoTracking().ToListAsync()));
        var senderId = await app.WithDbAsync(db => db.RemoteActors.Where(a => a.Uri == instance.Id).Select(a => a.Id).SingleAsync());
        Assert.Equal((story.Id, FediverseAccount.Id, ReportReason.Other, "Spam links in the story and its comments.", (int?)senderId),
            (storyReport.StoryId, storyReport.ReporterId, storyReport.Reason, storyReport.Details, storyReport.RemoteActorId));
        var commentReport = Assert.Single(await app.WithDbAsync(db => db.CommentReports.AsNoTracking()
            .ToListAsync()));
        Assert.Equal((comment.Id, FediverseAccount.Id, "Spam links in the story and its comments.", (int?)senderId),
            (commentReport.CommentId, commentReport.ReporterId, commentReport.Details, commentReport.RemoteActorId));

        using var moderator = await app.ClientForAsync(Persona.Moderator);
        var reports = await moderator.Http.GetHtmlAsync("/moderation/reports");
        var item = Assert.Single(reports.QuerySelectorAll(".report-item"));
        Assert.Contains("The tide tables", item.TextContent);
        Assert.Contains("reported from 127.0.0.1", item.TextContent);
        Assert.Equal("Spam links in the story and its comments.", item.QuerySelector(".report-item__details")?.TextContent);
        var commentItem = (await moderator.Http.GetHtmlAsync("/moderation/comments")).QuerySelector("main")!.TextContent;
        Assert.Contains("Buy cheap watches", commentItem);
        Assert.Contains("reported from 127.0.0.1", commentItem);
    }

    [Fact]
    public async Task AFlagNamingOnlyAnAccountOrAnotherServersPostsStoresNoReportAndItsHtmlIsReadAsText()
    {
        await using var peer = await FediversePeer.StartAsync();
        using var app = InboxTestKit.App();
        var maya = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya);
        var instance = peer.Actor("instance");

        await (await app.SendAsync(instance.SignedPost(InboxTestKit.SharedInbox, Flag(instance, "Rude", InboxTestKit.PersonId(maya.Id), $"{peer.Origin}/notes/1"), app.Clock.Now)))
            .AssertStatusAsync(HttpStatusCode.Accepted, "a Flag of an account only");
        Assert.False(await app.WithDbAsync(db => db.StoryReports.AnyAsync()));

        var html = Flag(instance, "<p>First <b>line</b></p><p>Second &amp; last</p>", $"{InboxTestKit.Origin}/ap/stories/{story.Id}");
        await (await app.SendAsync(instance.SignedPost(InboxTestKit.SharedInbox, html, app.Clock.Now))).AssertStatusAsync(HttpStatusCode.Accepted, "a Flag in HTML");
        Assert.Equal("First line\nSecond & last", (await app.WithDbAsync(db => db.StoryReports.SingleAsync())).Details);
    }
}
