using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Comments;

public sealed class CommentThreadTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReplyToLinksOpenTheCommentBoxForThatCommentWithoutScripts()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Replies");
        var first = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(displayName: "Ana Ortiz"), "First");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/talk/replies");
        var replyLink = page.QuerySelector($"#comment-{first.Id} .comment__reply")!.GetAttribute("href")!;
        Assert.Equal($"/talk/replies?replyTo={first.Id}#comment-form", replyLink);
        var form = (await reader.Http.GetHtmlAsync(replyLink)).QuerySelector("#comment-form")!;

        Assert.Contains("Replying to Ana Ortiz", form.QuerySelector("[data-replying]:not([hidden])")?.TextContent);
        Assert.Equal(first.Id.ToString(), form.QuerySelector("input[name=ParentId]")?.GetAttribute("value"));
        Assert.Equal("/talk/replies#comment-form", form.QuerySelector("[data-cancel-reply]")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='/js/comments.js']"));
    }

    [Fact]
    public async Task ThreadsShowThreeLevelsThenContinueOnTheirOwnPage()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Deep Talk");
        using var ana = await _app.ClientForAsync(Persona.Reader);
        using var ben = await _app.ClientForAsync(Persona.Reader);

        var level1 = (await ana.Http.CommentAsync(story, "Level one")).CommentId();
        var level2 = (await ben.Http.CommentAsync(story, "Level two", level1)).CommentId();
        var level3 = (await ana.Http.CommentAsync(story, "Level three", level2)).CommentId();
        var deep = await ben.Http.CommentAsync(story, "Level four", level3);
        var level4 = deep.CommentId();

        Assert.Equal($"/comments/{level3}#comment-{level4}", deep.Headers.Location?.OriginalString);
        var page = await _app.GetPageAsync("/talk/deep-talk");
        var shown = page.QuerySelector($"#comments > .comment-thread > #comment-{level1} > .comment-thread > #comment-{level2} > .comment-thread > #comment-{level3}")!;
        Assert.Equal("Level three", shown.QuerySelector(".comment__body")?.TextContent.Trim());
        Assert.DoesNotContain("Level four", page.QuerySelector("#comments")!.TextContent);
        var more = shown.QuerySelector(":scope > .comment__continue")!;
        Assert.Equal("Continue this thread →", more.QuerySelector("a")?.TextContent);
        Assert.Equal($"/comments/{level3}", more.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("1 more reply", more.TextContent);
        Assert.Contains("(4)", page.QuerySelector("#comments-title")?.TextContent);

        var thread = await _app.GetPageAsync($"/comments/{level3}");
        Assert.Equal("Level three", thread.QuerySelector($"#comments > .comment-thread > #comment-{level3} > .comment__body")?.TextContent.Trim());
        Assert.Equal("Level four", thread.QuerySelector($"#comment-{level3} > .comment-thread > #comment-{level4} .comment__body")?.TextContent.Trim());
        Assert.Equal($"/talk/deep-talk#comment-{level1}", thread.QuerySelectorAll("a").First(a => a.TextContent.StartsWith("← Back to")).GetAttribute("href"));
        Assert.Equal($"/talk/deep-talk#comment-{level2}", thread.QuerySelectorAll("a").Single(a => a.TextContent == "↑ Parent comment").GetAttribute("href"));
    }

    [Fact]
    public async Task EachThreadPageShowsThreeLevelsAndContinuesFromItsLast()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Very Deep");
        var person = await _app.Data.PersonAsync();
        var chain = new List<Folio.Features.Comments.Comment>();
        for (var level = 1; level <= 5; level++)
        {
            chain.Add(await _app.Data.CommentAsync(story, person, $"Level {level}", chain.LastOrDefault(), _app.Clock.UtcNow.AddMinutes(level - 10)));
        }

        using var reader = await _app.ClientForAsync(Persona.Reader);
        var replyLink = (await reader.Http.GetHtmlAsync($"/comments/{chain[2].Id}")).QuerySelector($"#comment-{chain[4].Id} .comment__reply")?.GetAttribute("href");
        Assert.Equal($"/comments/{chain[2].Id}?replyTo={chain[4].Id}#comment-form", replyLink);
        Assert.Equal(chain[4].Id.ToString(), (await reader.Http.GetHtmlAsync(replyLink!)).QuerySelector("#comment-form input[name=ParentId]")?.GetAttribute("value"));

        var sixth = await reader.Http.CommentAsync(story, "Level 6", chain[4].Id);

        Assert.Equal($"/comments/{chain[4].Id}#comment-{sixth.CommentId()}", sixth.Headers.Location?.OriginalString);
        var middle = await _app.GetPageAsync($"/comments/{chain[2].Id}");
        Assert.Equal(["Level 3", "Level 4", "Level 5"], middle.QuerySelectorAll(".comment__body").Select(b => b.TextContent.Trim()));
        Assert.Equal($"/comments/{chain[4].Id}", middle.QuerySelector($"#comment-{chain[4].Id} .comment__continue a")?.GetAttribute("href"));
        var last = await _app.GetPageAsync($"/comments/{chain[4].Id}");
        Assert.Equal(["Level 5", "Level 6"], last.QuerySelectorAll(".comment__body").Select(b => b.TextContent.Trim()));
        Assert.Equal($"/comments/{chain[2].Id}#comment-{chain[3].Id}", last.QuerySelectorAll("a").Single(a => a.TextContent == "↑ Parent comment").GetAttribute("href"));
    }

    [Fact]
    public async Task RepliesNotifyTheAuthorOfTheCommentAnswered()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Answered");
        using var ana = await _app.ClientForAsync(Persona.Reader);
        using var ben = await _app.ClientForAsync(Persona.Reader);
        var question = (await ana.Http.CommentAsync(story, "A question?")).CommentId();

        var answer = (await ben.Http.CommentAsync(story, "An answer.", question)).CommentId();

        var notices = await _app.WithDbAsync(db => db.Notifications.Where(n => n.CommentId == answer).Select(n => new { n.RecipientId, n.Kind }).ToListAsync());
        Assert.Contains(new { RecipientId = ana.User!.Id, Kind = NotificationKind.ReplyToComment }, notices);
        Assert.Contains(new { RecipientId = author.Id, Kind = NotificationKind.CommentOnStory }, notices);
    }

    [Fact]
    public async Task TopLevelCommentsArePagedTwentyAtATimeWithTheirReplies()
    {
        var community = await _app.Data.CommunityAsync("busy");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Busy Story");
        var person = await _app.Data.PersonAsync();
        var start = _app.Clock.UtcNow.AddHours(-5);
        var comments = new List<Folio.Features.Comments.Comment>();
        for (var i = 1; i <= 21; i++)
        {
            comments.Add(await _app.Data.CommentAsync(story, person, $"Comment number {i}", at: start.AddMinutes(i)));
        }

        await _app.Data.CommentAsync(story, person, "A late reply to the first", comments[0], _app.Clock.UtcNow.AddMinutes(-1));
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var first = await _app.GetPageAsync("/busy/busy-story");
        var topLevel = first.QuerySelectorAll("#comments > .comment-thread > .comment");
        Assert.Equal(20, topLevel.Length);
        Assert.Equal("Comment number 1", topLevel[0].QuerySelector(".comment__body")?.TextContent.Trim());
        Assert.Contains("A late reply to the first", topLevel[0].TextContent);
        Assert.Equal("Page 1 of 2", first.QuerySelector("#comments .pager__status")?.TextContent);
        var next = first.QuerySelector("#comments .pager a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/busy/busy-story?comments=2#comments", next);

        var second = await _app.GetPageAsync(next!);
        Assert.Equal(["Comment number 21"], second.QuerySelectorAll("#comments > .comment-thread > .comment > .comment__body").Select(b => b.TextContent.Trim()));
        Assert.Equal("Busy Story", second.QuerySelector("h1")?.TextContent);

        var reply = await reader.Http.CommentAsync(story, "Answering the last one", comments[20].Id);
        Assert.Equal($"/busy/busy-story?comments=2#comment-{reply.CommentId()}", reply.Headers.Location?.OriginalString);
    }
}
