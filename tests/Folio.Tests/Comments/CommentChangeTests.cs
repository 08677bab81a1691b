using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Comments;

public sealed class CommentChangeTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AuthorsEditWithinFifteenMinutesAndTheCommentShowsEdited()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Second Thoughts");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var id = (await reader.Http.CommentAsync(story, "Frist!")).CommentId();
        var editLink = (await reader.Http.GetHtmlAsync("/talk/second-thoughts")).QuerySelector($"#comment-{id} a[href='/comments/{id}/edit']");
        Assert.Equal("Edit", editLink?.TextContent);
        Assert.Equal("Frist!", (await reader.Http.GetHtmlAsync($"/comments/{id}/edit")).QuerySelector("textarea[name=Body]")?.TextContent);

        var edited = await reader.Http.EditCommentAsync(id, "First, properly spelt.");

        Assert.Equal($"/talk/second-thoughts#comment-{id}", edited.Headers.Location?.OriginalString);
        var comment = (await _app.GetPageAsync("/talk/second-thoughts")).QuerySelector($"#comment-{id}")!;
        Assert.Equal("First, properly spelt.", comment.QuerySelector(".comment__body")?.TextContent.Trim());
        Assert.Equal("edited", comment.QuerySelector(".comment__edited")?.TextContent);
    }

    [Fact]
    public async Task AfterFifteenMinutesTheEditControlIsGoneAndEditsAreRefused()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Too Late");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var id = (await reader.Http.CommentAsync(story, "As it was")).CommentId();

        _app.Clock.Now += TimeSpan.FromMinutes(16);

        var page = await reader.Http.GetHtmlAsync("/talk/too-late");
        Assert.Null(page.QuerySelector($"#comment-{id} a[href$='/edit']"));
        var refused = await (await reader.Http.EditCommentAsync(id, "As it should have been")).ReadHtmlAsync();
        Assert.Contains("can be changed for 15 minutes after posting", refused.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("As it should have been", refused.QuerySelector("textarea")?.TextContent);
        var row = await _app.CommentRowAsync(id);
        Assert.Equal(("As it was", null), (row.Body, row.EditedAt));
    }

    [Fact]
    public async Task OnlyItsAuthorCanEditOrDeleteAComment()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Mine Alone");
        using var owner = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ClientForAsync(Persona.Moderator);
        var id = (await owner.Http.CommentAsync(story, "My words")).CommentId();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/comments/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostFormAsync($"/comments/{id}/edit", [new("Body", "Their words")], "/talk/mine-alone")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.ActOnCommentAsync(id, "Delete")).StatusCode);
        Assert.Null((await other.Http.GetHtmlAsync("/talk/mine-alone")).QuerySelector($"#comment-{id} a[href$='/edit']"));

        var row = await _app.CommentRowAsync(id);
        Assert.Equal(("My words", null), (row.Body, row.DeletedAt));
    }

    [Fact]
    public async Task DeletingLeavesATombstoneThatKeepsTheRepliesAndErasesTheText()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Regrets");
        using var ana = await _app.ClientForAsync(Persona.Reader);
        using var ben = await _app.ClientForAsync(Persona.Reader);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var regretted = (await ana.Http.CommentAsync(story, "Something I regret saying")).CommentId();
        var reply = (await ben.Http.CommentAsync(story, "A fair reply", regretted)).CommentId();
        await ben.Http.PostFormAsync($"/comments/{regretted}/report", [new("Reason", "Harassment")], $"/comments/{regretted}/report");

        var deleted = await ana.Http.ActOnCommentAsync(regretted, "Delete");

        Assert.Equal($"/talk/regrets#comment-{regretted}", deleted.Headers.Location?.OriginalString);
        var page = await _app.GetPageAsync("/talk/regrets");
        var tombstone = page.QuerySelector($"#comments > .comment-thread > #comment-{regretted}")!;
        Assert.Equal("This comment was deleted.", tombstone.QuerySelector(".comment__tombstone")?.TextContent);
        Assert.Equal("A fair reply", tombstone.QuerySelector($":scope > .comment-thread > #comment-{reply} .comment__body")?.TextContent.Trim());
        Assert.Contains("(1)", page.QuerySelector("#comments-title")?.TextContent);
        var everywhere = new[]
        {
            await _app.GetPageAsync("/talk/regrets"),
            await _app.GetPageAsync($"/comments/{regretted}"),
            await ana.Http.GetHtmlAsync("/talk/regrets"),
            await moderator.Http.GetHtmlAsync("/moderation/comments"),
        };
        Assert.All(everywhere, html => Assert.DoesNotContain("regret saying", html.DocumentElement.OuterHtml));
        Assert.Contains("This comment was deleted.", everywhere[3].QuerySelector(".comment-report")?.TextContent);
        var row = await _app.CommentRowAsync(regretted);
        Assert.Equal(("", ""), (row.Body, row.BodyHtml));
        Assert.NotNull(row.DeletedAt);
    }
}
