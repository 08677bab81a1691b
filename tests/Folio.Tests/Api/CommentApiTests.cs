using System.Net;
using System.Text.Json;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class CommentApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Story> StoryAsync(StoryStatus status = StoryStatus.Published, string? title = null) =>
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), await _app.Data.PersonAsync(), title, status: status);

    private static string Comments(Story story) => $"/api/v1/stories/{story.Id}/comments";

    private Task<int> CommentCountAsync() => _app.WithDbAsync(db => db.Comments.CountAsync());

    [Fact]
    public async Task CommentsAreListedOldestFirstWithRepliesAndTombstonesInPlace()
    {
        var story = await StoryAsync();
        var sam = await _app.Data.PersonAsync("sam", "Sam Reader");
        var start = _app.Clock.UtcNow;
        var first = await _app.Data.CommentAsync(story, sam, "First, **bold**", at: start);
        var reply = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "A reply", first, start.AddMinutes(1));
        var gone = await _app.Data.CommentAsync(story, sam, "Regretted", at: start.AddMinutes(2));
        await _app.WithDbAsync(async db =>
        {
            (await db.Comments.FindAsync(gone.Id))!.Delete(start.AddMinutes(3));
            await db.SaveChangesAsync();
        });
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var page = await (await api.GetAsync(Comments(story))).ReadJsonAsync();

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([first.Id, reply.Id, gone.Id], items.Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal("First, **bold**", items[0].GetProperty("body").GetString());
        Assert.Contains("<strong>bold</strong>", items[0].GetProperty("bodyHtml").GetString());
        Assert.Equal(("sam", "Sam Reader"), (items[0].GetProperty("author").GetProperty("username").GetString(), items[0].GetProperty("author").GetProperty("name").GetString()));
        Assert.False(items[0].GetProperty("deleted").GetBoolean());
        Assert.EndsWith($"#comment-{first.Id}", items[0].GetProperty("url").GetString());
        Assert.Equal(first.Id, items[1].GetProperty("parentId").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("parentId").ValueKind);
        Assert.True(items[2].GetProperty("deleted").GetBoolean());
        Assert.Equal(("", "", "deleted"), (items[2].GetProperty("body").GetString(), items[2].GetProperty("bodyHtml").GetString(), items[2].GetProperty("state").GetString()));
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task TheCursorMovesForwardThroughCommentsPostedInTheSameInstant()
    {
        var story = await StoryAsync();
        var reader = await _app.Data.PersonAsync();
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _app.Data.CommentAsync(story, reader, $"Comment {i}")).Id);
        }

        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await api.GetAsync($"{Comments(story)}?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task PostingAReplyReturnsItAtItsAddressAndTellsBothAuthors()
    {
        var story = await StoryAsync();
        var first = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Opening thought");
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var response = await api.PostJsonAsync(Comments(story), new { body = "  I *agree*.\r\n  ", parentId = first.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"{Comments(story)}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("I *agree*.", first.Id), (created.GetProperty("body").GetString(), created.GetProperty("parentId").GetInt32()));
        Assert.Equal(api.User!.UserName, created.GetProperty("author").GetProperty("username").GetString());
        var fetched = await (await api.GetAsync(response.Headers.Location!.OriginalString)).ReadJsonAsync();
        Assert.Contains("<em>agree</em>", fetched.GetProperty("bodyHtml").GetString());
        var notices = await _app.WithDbAsync(db => db.Notifications.Where(n => n.CommentId == id).Select(n => new { n.RecipientId, n.Kind }).ToListAsync());
        Assert.Contains(notices, n => n.RecipientId == story.AuthorId && n.Kind == NotificationKind.CommentOnStory);
        Assert.Contains(notices, n => n.RecipientId == first.AuthorId && n.Kind == NotificationKind.ReplyToComment);
    }

    [Fact]
    public async Task ARepliesParentMustBeShownOnTheSameStory()
    {
        var story = await StoryAsync();
        var elsewhere = await _app.Data.CommentAsync(await StoryAsync(), await _app.Data.PersonAsync(), "On another story");
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var otherStory = await (await api.PostJsonAsync(Comments(story), new { body = "Hello", parentId = elsewhere.Id })).ReadProblemAsync(400);
        var missing = await (await api.PostJsonAsync(Comments(story), new { body = "Hello", parentId = 987_654 })).ReadProblemAsync(400);

        Assert.Contains("not shown on this story", Assert.Single(otherStory.FieldErrors("parentId")));
        Assert.NotEmpty(missing.FieldErrors("parentId"));
        Assert.Equal(1, await CommentCountAsync());
    }

    [Theory]
    [InlineData("   \n  ", "the comment box is empty")]
    [InlineData(null, "the comment box is empty")]
    [InlineData("huge", "up to 5,000 characters; yours has 100,000")]
    public async Task TheBodyFollowsTheCommentBoxRules(string? body, string message)
    {
        var story = await StoryAsync();
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var response = await api.PostJsonAsync(Comments(story), new { body = body == "huge" ? new string('a', 100_000) : body });

        var problem = await response.ReadProblemAsync(400);
        Assert.Contains(message, Assert.Single(problem.FieldErrors("body")));
        Assert.Equal(0, await CommentCountAsync());
    }

    [Fact]
    public async Task WithCommentsOffPostingIsForbidden()
    {
        var story = await StoryAsync();
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.CommentsEnabled = false;
            await db.SaveChangesAsync();
        });
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var problem = await (await api.PostJsonAsync(Comments(story), new { body = "Let me in" })).ReadProblemAsync(403);

        Assert.Contains("turned comments off", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CommentCountAsync());
    }

    [Fact]
    public async Task CommentingTooFastIsTooManyRequestsAndRefusedPostsDoNotCount()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Comments:PerMinute"] = "2" });
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        using var api = await app.ApiClientForAsync(Persona.Reader);
        using var other = await app.ApiClientForAsync(Persona.Reader);
        var url = Comments(story);

        await (await api.PostJsonAsync(url, new { body = "" })).ReadProblemAsync(400);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync(url, new { body = "One" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync(url, new { body = "Two" })).StatusCode);
        var limited = await api.PostJsonAsync(url, new { body = "Three, too soon" });

        var problem = await limited.ReadProblemAsync(429);
        Assert.Contains("wait a minute", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync(url, new { body = "My turn" })).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task PostingWithoutATokenIsUnauthorized()
    {
        var story = await StoryAsync();
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await api.PostJsonAsync(Comments(story), new { body = "Hello" })).ReadProblemAsync(401);
        await (await api.DeleteAsync($"{Comments(story)}/1")).ReadProblemAsync(401);
    }

    [Fact]
    public async Task UnknownAndUnpublishedStoriesHaveNoComments()
    {
        var draft = await StoryAsync(StoryStatus.Draft);
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        await (await api.GetAsync(Comments(draft))).ReadProblemAsync(404);
        await (await api.PostJsonAsync(Comments(draft), new { body = "Hello" })).ReadProblemAsync(404);
        await (await api.GetAsync("/api/v1/stories/987654/comments")).ReadProblemAsync(404);
        await (await api.GetAsync("/api/v1/stories/99999999999/comments")).ReadProblemAsync(404);
        await (await api.GetAsync("/api/v1/stories/abc/comments")).ReadProblemAsync(404);
        Assert.Equal(0, await CommentCountAsync());
    }

    [Fact]
    public async Task AuthorsDeleteTheirOwnCommentsLeavingATombstone()
    {
        var story = await StoryAsync();
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var id = (await (await api.PostJsonAsync(Comments(story), new { body = "Oops" })).ReadJsonAsync()).GetProperty("id").GetInt32();

        var deleted = await api.DeleteAsync($"{Comments(story)}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var tombstone = await (await api.GetAsync($"{Comments(story)}/{id}")).ReadJsonAsync();
        Assert.Equal((true, "", "deleted"), (tombstone.GetProperty("deleted").GetBoolean(), tombstone.GetProperty("body").GetString(), tombstone.GetProperty("state").GetString()));
        Assert.Equal("", (await _app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == id))).Body);
    }

    [Fact]
    public async Task OthersCannotDeleteACommentButModeratorsRemoveIt()
    {
        var story = await StoryAsync();
        var comment = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Rude words");
        using var reader = await _app.ApiClientForAsync(Persona.Reader);
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);

        var refused = await reader.DeleteAsync($"{Comments(story)}/{comment.Id}");
        Assert.Equal("Rude words", (await _app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment.Id))).Body);
        var removed = await moderator.DeleteAsync($"{Comments(story)}/{comment.Id}");

        await refused.ReadProblemAsync(403);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var row = await _app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment.Id));
        Assert.Equal((moderator.User!.Id, ""), (row.RemovedById, row.Body));
        var shown = await (await reader.GetAsync($"{Comments(story)}/{comment.Id}")).ReadJsonAsync();
        Assert.Equal("removed", shown.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ACommentIsOnlyFoundUnderItsOwnStory()
    {
        var story = await StoryAsync();
        var other = await StoryAsync();
        var comment = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Here");
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);

        await (await moderator.GetAsync($"{Comments(other)}/{comment.Id}")).ReadProblemAsync(404);
        await (await moderator.DeleteAsync($"{Comments(other)}/{comment.Id}")).ReadProblemAsync(404);
        await (await moderator.DeleteAsync($"{Comments(story)}/987654")).ReadProblemAsync(404);
        Assert.Equal("Here", (await _app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == comment.Id))).Body);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"body": 5}""")]
    [InlineData("""{"body": "Hello", "parentId": "abc"}""")]
    [InlineData("""{"body": "Hello", "parentId": 1e30}""")]
    [InlineData("""{"body": "Hello", "author": "someone-else"}""")]
    public async Task UnreadableBodiesAreBadRequestProblems(string body)
    {
        var story = await StoryAsync();
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        await (await api.SendRawAsync(HttpMethod.Post, Comments(story), body)).ReadProblemAsync(400);

        Assert.Equal(0, await CommentCountAsync());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1000")]
    [InlineData("limit=two")]
    [InlineData("cursor=%21%21%21")]
    [InlineData("cursor=bm90IGEgY3Vyc29y")]
    public async Task BadPagingParametersAreBadRequestProblems(string query)
    {
        var story = await StoryAsync();
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await api.GetAsync($"{Comments(story)}?{query}")).ReadProblemAsync(400);
    }
}
