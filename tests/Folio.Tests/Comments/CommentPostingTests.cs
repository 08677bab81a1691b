using System.Net;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Comments;

public sealed class CommentPostingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task VisitorsAreSentToSignInAndBackToTheCommentBox()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Open Door");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var visitor = _app.NewBrowser();

        var page = await visitor.GetHtmlAsync("/talk/open-door");
        Assert.Null(page.QuerySelector("#comment-form"));
        var signIn = page.QuerySelectorAll("#comments a").Single(a => a.TextContent == "Sign in to comment").GetAttribute("href")!;
        Assert.Equal("/signin?returnUrl=%2Ftalk%2Fopen-door%23comment-form", signIn);
        var anonymousPost = await visitor.PostAsync($"/stories/{story.Id}/comments", new FormUrlEncodedContent([new("Body", "hello")]));
        Assert.Equal(HttpStatusCode.Redirect, anonymousPost.StatusCode);
        Assert.Contains("/signin?returnUrl=", anonymousPost.Headers.Location?.OriginalString);

        var signedIn = await visitor.PostFormAsync(signIn, new() { ["Input.Login"] = reader.User!.UserName!, ["Input.Password"] = Personas.Password });

        Assert.Equal("/talk/open-door#comment-form", signedIn.Headers.Location?.OriginalString);
        var form = (await visitor.GetHtmlAsync("/talk/open-door")).QuerySelector("form#comment-form")!;
        Assert.NotNull(form.QuerySelector("textarea[name=Body][required][maxlength='5000']"));
        Assert.Equal($"/stories/{story.Id}/comments", form.GetAttribute("action"));
    }

    [Fact]
    public async Task PostingShowsTheCommentOnTheStoryAndTellsTheAuthor()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "First Words");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var posted = await reader.Http.CommentAsync(story, "What a *lovely* piece.");

        var id = posted.CommentId();
        Assert.Equal($"/talk/first-words#comment-{id}", posted.Headers.Location?.OriginalString);
        var page = await _app.GetPageAsync("/talk/first-words");
        var comment = page.QuerySelector($"#comments #comment-{id}")!;
        Assert.Equal("lovely", comment.QuerySelector(".comment__body em")?.TextContent);
        Assert.Equal(reader.User!.DisplayName, comment.QuerySelector(".comment__author")?.TextContent);
        Assert.Contains("(1)", page.QuerySelector("#comments-title")?.TextContent);
        var notified = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientId == author.Id));
        Assert.Equal((NotificationKind.CommentOnStory, id), (notified.Kind, notified.CommentId));
    }

    [Fact]
    public async Task RefusedCommentsSayWhatToFixAndKeepTheText()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Careful Words");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var tooLong = new string('a', 5_001);

        var empty = await reader.Http.CommentAsync(story, "   \n ");
        var overLimit = await reader.Http.CommentAsync(story, tooLong);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("the comment box is empty", (await empty.ReadHtmlAsync()).QuerySelector("#comment-form [role=alert]")?.TextContent);
        var longPage = await overLimit.ReadHtmlAsync();
        Assert.Contains("up to 5,000 characters; yours has 5,001", longPage.QuerySelector("#comment-form [role=alert]")?.TextContent);
        Assert.Equal(tooLong, longPage.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.Equal(0, await _app.CommentCountAsync());
    }

    [Fact]
    public async Task AFilledHoneypotIsRefusedWithAClearMessage()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Sweet Trap");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var form = (await reader.Http.GetHtmlAsync("/talk/sweet-trap")).QuerySelector("#comment-form")!;
        var trap = form.QuerySelector("input[name=Website]")!;
        Assert.Equal(("off", "-1"), (trap.GetAttribute("autocomplete"), trap.GetAttribute("tabindex")));
        Assert.Equal("Leave this empty", form.QuerySelector($"label[for={trap.Id}]")?.TextContent);

        var response = await reader.Http.CommentAsync(story, "Buy cheap watches", website: "https://spam.example");

        var page = await response.ReadHtmlAsync();
        Assert.Contains("“Leave this empty” field had text in it", page.QuerySelector("#comment-form [role=alert]")?.TextContent);
        Assert.Equal("Buy cheap watches", page.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.Equal("", page.QuerySelector("input[name=Website]")?.GetAttribute("value"));
        Assert.Equal(0, await _app.CommentCountAsync());
    }

    [Fact]
    public async Task WithCommentsOffExistingCommentsStayAndPostingIsRefused()
    {
        var community = await _app.Data.CommunityAsync("quiet");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Closed Now");
        await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Said before closing");
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.CommentsEnabled = false;
            await db.SaveChangesAsync();
        });
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/quiet/closed-now");
        var refused = await reader.Http.CommentAsync(story, "Let me in");

        Assert.Contains("Said before closing", page.QuerySelector("#comments .comment__body")?.TextContent);
        Assert.Null(page.QuerySelector("#comment-form"));
        Assert.Empty(page.QuerySelectorAll("#comments .comment__reply"));
        Assert.Contains("turned comments off", page.QuerySelector("#comments")?.TextContent);
        Assert.Contains("turned comments off", (await refused.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(1, await _app.CommentCountAsync());
    }

    [Fact]
    public async Task CommentMarkdownIsSanitisedAndLinksAreMarkedAsUserContent()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Tricky");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var id = (await reader.Http.CommentAsync(story,
            "<script>alert('x')</script> **bold** `code` [bad](javascript:alert(1)) [good](https://example.org) <img src=x onerror=alert(1)>")).CommentId();

        var body = (await _app.GetPageAsync("/talk/tricky")).QuerySelector($"#comment-{id} .comment__body")!;
        Assert.Empty(body.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        var link = body.QuerySelectorAll("a").Single(a => a.TextContent == "good");
        Assert.Equal("https://example.org", link.GetAttribute("href"));
        Assert.Contains("nofollow", link.GetAttribute("rel")!.Split(' '));
        Assert.Contains("ugc", link.GetAttribute("rel")!.Split(' '));
        Assert.Equal("bold", body.QuerySelector("strong")?.TextContent);
        Assert.Equal("code", body.QuerySelector("code")?.TextContent);
        Assert.Contains("<script>", body.TextContent); // shown as text, never run
    }

    [Fact]
    public async Task StoryCardsCountOnlyCommentsThatAreShown()
    {
        var community = await _app.Data.CommunityAsync("counted");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Counted");
        var person = await _app.Data.PersonAsync();
        await _app.Data.CommentAsync(story, person, "Shown");
        await _app.Data.CommentAsync(story, person, "Shown too");
        var deleted = await _app.Data.CommentAsync(story, person, "Deleted");
        var hidden = await _app.Data.CommentAsync(story, person, "Hidden");
        var removed = await _app.Data.CommentAsync(story, person, "Removed");
        await _app.WithDbAsync(async db =>
        {
            (await db.Comments.FindAsync(deleted.Id))!.Delete(_app.Clock.UtcNow);
            (await db.Comments.FindAsync(hidden.Id))!.Hide(_app.Clock.UtcNow);
            (await db.Comments.FindAsync(removed.Id))!.Remove(person.Id, _app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });

        var card = (await _app.GetPageAsync("/counted")).QuerySelector(".story-card")!;
        var storyPage = await _app.GetPageAsync("/counted/counted");

        Assert.Contains("2 comments", card.QuerySelector(".story-card__facts")?.TextContent);
        Assert.Contains("(2)", storyPage.QuerySelector("#comments-title")?.TextContent);
    }
}
