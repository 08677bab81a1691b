using System.Net;
using Folio.Features.Moderation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Comments;

public sealed class CommentModerationTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheStoryAuthorHidesAndUnhidesACommentOnTheirStory()
    {
        var community = await _app.Data.CommunityAsync("talk");
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, "My Story");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var id = (await reader.Http.CommentAsync(story, "An unkind remark")).CommentId();
        var authorView = await author.Http.GetHtmlAsync("/talk/my-story");
        Assert.NotNull(authorView.QuerySelector($"#comment-{id} form[action='/comments/{id}?handler=Hide']"));

        var hidden = await author.Http.ActOnCommentAsync(id, "Hide");

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var visitorView = await _app.GetPageAsync("/talk/my-story");
        Assert.Equal("Hidden by the author.", visitorView.QuerySelector($"#comment-{id} .comment__tombstone")?.TextContent);
        Assert.DoesNotContain("unkind remark", visitorView.DocumentElement.OuterHtml);
        Assert.DoesNotContain("unkind remark", (await _app.GetPageAsync($"/comments/{id}")).DocumentElement.OuterHtml);
        Assert.DoesNotContain("unkind remark", (await reader.Http.GetHtmlAsync("/talk/my-story")).DocumentElement.OuterHtml);
        Assert.DoesNotContain("(1)", visitorView.QuerySelector("#comments-title")?.TextContent);
        Assert.NotNull((await author.Http.GetHtmlAsync("/talk/my-story")).QuerySelector($"#comment-{id} form[action='/comments/{id}?handler=Unhide']"));

        await author.Http.ActOnCommentAsync(id, "Unhide");

        Assert.Contains("An unkind remark", (await _app.GetPageAsync("/talk/my-story")).QuerySelector($"#comment-{id} .comment__body")?.TextContent);
    }

    [Fact]
    public async Task ReadersCannotHideCommentsOnStoriesThatAreNotTheirs()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Not Yours");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var commenter = await _app.ClientForAsync(Persona.Reader);
        var others = (await commenter.Http.CommentAsync(story, "Someone else's comment")).CommentId();
        var own = (await reader.Http.CommentAsync(story, "My own comment")).CommentId();

        Assert.Empty((await reader.Http.GetHtmlAsync("/talk/not-yours")).QuerySelectorAll("form[action*='handler=Hide']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.ActOnCommentAsync(others, "Hide")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.ActOnCommentAsync(own, "Hide")).StatusCode);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Comments.CountAsync(c => c.HiddenAt != null)));
    }

    [Theory]
    [InlineData(Persona.Reader)]
    [InlineData(Persona.Creator)]
    [InlineData(Persona.Trusted)]
    public async Task OnlyModeratorsCanRemoveComments(Persona persona)
    {
        var community = await _app.Data.CommunityAsync("talk");
        using var client = await _app.ClientForAsync(persona);
        var story = await _app.Data.StoryAsync(community, client.User!, "Their Own Story");
        var comment = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Stays up");

        Assert.Empty((await client.Http.GetHtmlAsync("/talk/their-own-story")).QuerySelectorAll("form[action*='handler=Remove']"));
        var response = await client.Http.ActOnCommentAsync(comment.Id, "Remove");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
        Assert.Null((await _app.CommentRowAsync(comment.Id)).RemovedAt);
    }

    [Fact]
    public async Task AModeratorRemovesACommentAndItsTextIsGoneEverywhere()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Moderated");
        var spam = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Visit my spam shop");
        var reply = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Please don't", spam);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await reader.Http.PostFormAsync($"/comments/{spam.Id}/report", [new("Reason", "Spam")], $"/comments/{spam.Id}/report");

        var removed = await moderator.Http.ActOnCommentAsync(spam.Id, "Remove");

        Assert.Equal($"/talk/moderated#comment-{spam.Id}", removed.Headers.Location?.OriginalString);
        var page = await _app.GetPageAsync("/talk/moderated");
        Assert.Equal("Removed by a moderator.", page.QuerySelector($"#comment-{spam.Id} .comment__tombstone")?.TextContent);
        Assert.NotNull(page.QuerySelector($"#comment-{spam.Id} #comment-{reply.Id}"));
        foreach (var html in new[] { page, await _app.GetPageAsync($"/comments/{spam.Id}"), await moderator.Http.GetHtmlAsync("/moderation/comments") })
        {
            Assert.DoesNotContain("spam shop", html.DocumentElement.OuterHtml);
        }

        var row = await _app.CommentRowAsync(spam.Id);
        Assert.Equal(("", moderator.User!.Id), (row.Body, row.RemovedById));
        var report = await _app.WithDbAsync(db => db.CommentReports.SingleAsync());
        Assert.Equal(ReportResolution.Removed, report.Resolution);
    }

    [Fact]
    public async Task ReportedCommentsWaitInTheModerationCommentsTab()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Reported");
        using var commenter = await _app.ClientForAsync(Persona.Reader);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var rude = (await commenter.Http.CommentAsync(story, "You are all fools")).CommentId();
        var fine = (await commenter.Http.CommentAsync(story, "I disagree politely")).CommentId();
        var reportLink = (await reader.Http.GetHtmlAsync("/talk/reported")).QuerySelector($"#comment-{rude} a[href='/comments/{rude}/report']");
        Assert.Equal("Report", reportLink?.TextContent);
        Assert.Null((await commenter.Http.GetHtmlAsync("/talk/reported")).QuerySelector($"#comment-{rude} a[href$='/report']"));

        var own = await (await commenter.Http.PostFormAsync($"/comments/{rude}/report", [new("Reason", "Spam")], $"/comments/{rude}/report")).ReadHtmlAsync();
        var noReason = await (await reader.Http.PostFormAsync($"/comments/{rude}/report", [new("Details", "kept")], $"/comments/{rude}/report")).ReadHtmlAsync();
        var sent = await (await reader.Http.PostFormAsync($"/comments/{rude}/report", [new("Reason", "Harassment"), new("Details", "Insults everyone")], $"/comments/{rude}/report")).ReadHtmlAsync();
        await reader.Http.PostFormAsync($"/comments/{fine}/report", [new("Reason", "Other"), new("Details", "I just disagree")], $"/comments/{fine}/report");

        Assert.Contains("This is your own comment", own.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal("Choose what is wrong with the comment.", noReason.QuerySelector("[data-valmsg-for=Reason]")?.TextContent);
        Assert.Equal("kept", noReason.QuerySelector("textarea[name=Details]")?.TextContent.Trim());
        Assert.Contains("The moderators have your report", sent.QuerySelector(".notice")?.TextContent);
        Assert.Equal("/error/403", (await reader.Http.GetAsync("/moderation/comments")).Headers.Location?.AbsolutePath);

        var queue = await moderator.Http.GetHtmlAsync("/moderation/comments");
        var tab = queue.QuerySelector(".tabs a[href='/moderation/comments']")!;
        Assert.Equal(("page", "2"), (tab.GetAttribute("aria-current"), tab.QuerySelector(".count")?.TextContent));
        Assert.Equal("2", (await moderator.Http.GetHtmlAsync("/moderation")).QuerySelector(".tabs a[href='/moderation/comments'] .count")?.TextContent);
        var items = queue.QuerySelectorAll(".comment-report");
        Assert.Equal(2, items.Length);
        Assert.Contains("You are all fools", items[0].QuerySelector(".comment-quote")?.TextContent);
        Assert.Contains("Insults everyone", items[0].QuerySelector(".report-item__details")?.TextContent);

        await moderator.Http.PostFormAsync(items[1].QuerySelector("form[action*='Dismiss']")!.GetAttribute("action")!, [], "/moderation/comments");
        await moderator.Http.PostFormAsync(items[0].QuerySelector("form[action*='Remove']")!.GetAttribute("action")!, [], "/moderation/comments");

        var after = await moderator.Http.GetHtmlAsync("/moderation/comments");
        Assert.Contains("No reported comments.", after.QuerySelector(".empty-state")?.TextContent);
        Assert.NotNull((await _app.CommentRowAsync(rude)).RemovedAt);
        Assert.Null((await _app.CommentRowAsync(fine)).RemovedAt);
        Assert.Contains("I disagree politely", (await _app.GetPageAsync("/talk/reported")).QuerySelector($"#comment-{fine}")?.TextContent);
    }
}
