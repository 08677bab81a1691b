using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Api.StoryApiCalls;

namespace Folio.Tests.Api;

public sealed class StoryApiChangeTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAuthorChangesOnlyTheFieldsTheySend()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var author = await _app.ApiClientForAsync(Persona.Trusted);
        var story = await author.CreateStoryAsync(NewStory("earth", "First Title", status: "published"));
        var id = story.GetProperty("id").GetInt32();

        var response = await author.PatchJsonAsync($"/api/v1/stories/{id}", new { title = "Second Title", tags = new[] { "Ice" }, commentsEnabled = false });

        var changed = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Second Title", changed.GetProperty("title").GetString());
        Assert.Equal(["Ice"], changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(changed.GetProperty("commentsEnabled").GetBoolean());
        Assert.Equal(story.GetProperty("subtitle").GetString(), changed.GetProperty("subtitle").GetString());
        Assert.Equal(story.GetProperty("body").GetString(), changed.GetProperty("body").GetString());
        Assert.Equal("published", changed.GetProperty("status").GetString());
        Assert.Equal("first-title", changed.GetProperty("slug").GetString());
        Assert.Equal("Second Title", (await _app.GetPageAsync("/earth/first-title")).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task SomeoneElsesStoryIsForbiddenWhenVisibleAndNotFoundWhenNot()
    {
        var community = await _app.Data.CommunityAsync();
        var owner = await _app.Data.PersonAsync();
        var published = await _app.Data.StoryAsync(community, owner, title: "Owned and Public");
        var draft = await _app.Data.StoryAsync(community, owner, status: StoryStatus.Draft);
        using var stranger = await _app.ApiClientForAsync(Persona.Trusted);

        await (await stranger.PatchJsonAsync($"/api/v1/stories/{published.Id}", new { title = "Mine Now" })).ReadProblemAsync(403);
        await (await stranger.DeleteAsync($"/api/v1/stories/{published.Id}")).ReadProblemAsync(403);
        await (await stranger.PatchJsonAsync($"/api/v1/stories/{draft.Id}", new { title = "Mine Now" })).ReadProblemAsync(404);
        await (await stranger.DeleteAsync($"/api/v1/stories/{draft.Id}")).ReadProblemAsync(404);

        Assert.Equal(["Owned and Public", draft.Title], await _app.WithDbAsync(db => db.Stories.OrderBy(s => s.Id).Select(s => s.Title).ToListAsync()));
    }

    [Fact]
    public async Task AModeratorMayChangeAndDeleteAnyStory()
    {
        var community = await _app.Data.CommunityAsync();
        var owner = await _app.Data.PersonAsync();
        var published = await _app.Data.StoryAsync(community, owner, body: StoryForms.Words(150));
        var draft = await _app.Data.StoryAsync(community, owner, status: StoryStatus.Draft);
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);

        var changed = await (await moderator.PatchJsonAsync($"/api/v1/stories/{published.Id}", new { subtitle = "Edited by a moderator" })).ReadOkAsync();
        var deleted = await moderator.DeleteAsync($"/api/v1/stories/{draft.Id}");

        Assert.Equal("Edited by a moderator", changed.GetProperty("subtitle").GetString());
        Assert.Equal(owner.UserName, changed.GetProperty("author").GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task UnpublishingTakesAStoryOfflineAndRepublishingKeepsItsDate()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var author = await _app.ApiClientForAsync(Persona.Trusted);
        var story = await author.CreateStoryAsync(NewStory("earth", "Now You See It", status: "published"));
        var url = $"/api/v1/stories/{story.GetProperty("id").GetInt32()}";
        _app.Clock.Now = _app.Clock.Now.AddDays(2);

        var unpublished = await (await author.PatchJsonAsync(url, new { status = "unpublished" })).ReadOkAsync();

        Assert.Equal("unpublished", unpublished.GetProperty("status").GetString());
        await _app.GetPageAsync("/earth/now-you-see-it", HttpStatusCode.NotFound);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);
        await (await anonymous.GetAsync(url)).ReadProblemAsync(404);
        Assert.Empty(await anonymous.StoryIdsAsync());
        var draftRequest = await (await author.PatchJsonAsync(url, new { status = "draft" })).ReadOkAsync();
        Assert.Equal("unpublished", draftRequest.GetProperty("status").GetString());
        var again = await (await author.PatchJsonAsync(url, new { status = "published" })).ReadOkAsync();
        Assert.Equal("published", again.GetProperty("status").GetString());
        Assert.Equal(story.GetProperty("publishedAt").GetDateTime(), again.GetProperty("publishedAt").GetDateTime());
        var toDraft = await (await author.PatchJsonAsync(url, new { status = "draft" })).ReadProblemAsync(409);
        Assert.Contains("\"unpublished\"", toDraft.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AStoryInReviewCantBeEditedUntilItsAuthorWithdrawsIt()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var draft = await author.CreateStoryAsync(NewStory("earth", "Waiting Room"));
        var url = $"/api/v1/stories/{draft.GetProperty("id").GetInt32()}";
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        var submitted = await (await author.PatchJsonAsync(url, new { status = "published" })).ReadOkAsync();
        var blocked = await (await author.PatchJsonAsync(url, new { title = "Impatient Edit" })).ReadProblemAsync(409);
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);
        var moderatorBlocked = await (await moderator.PatchJsonAsync(url, new { title = "Moderator Edit" })).ReadProblemAsync(409);
        var withdrawn = await (await author.PatchJsonAsync(url, new { status = "draft" })).ReadOkAsync();
        var edited = await (await author.PatchJsonAsync(url, new { title = "Patient Edit" })).ReadOkAsync();

        Assert.Equal("pending", submitted.GetProperty("status").GetString());
        Assert.Contains("Withdraw it from review to edit it", blocked.GetProperty("detail").GetString());
        Assert.Contains("review queue", moderatorBlocked.GetProperty("detail").GetString());
        Assert.Equal("draft", withdrawn.GetProperty("status").GetString());
        Assert.Equal("Patient Edit", edited.GetProperty("title").GetString());
        Assert.Equal("patient-edit", edited.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task AStoryMovesCommunityOnlyUntilItIsFirstPublished()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        await _app.Data.CommunityAsync("sea", "Sea");
        using var author = await _app.ApiClientForAsync(Persona.Trusted);
        var draft = await author.CreateStoryAsync(NewStory("earth", "Drifting"));
        var url = $"/api/v1/stories/{draft.GetProperty("id").GetInt32()}";

        var moved = await (await author.PatchJsonAsync(url, new { community = "sea", status = "published" })).ReadOkAsync();
        var refused = await (await author.PatchJsonAsync(url, new { community = "earth" })).ReadProblemAsync(400);

        Assert.Equal("sea", moved.GetProperty("community").GetString());
        Assert.Equal("http://localhost/sea/drifting", moved.GetProperty("url").GetString());
        Assert.Contains("“sea”", refused.FieldErrors("community").Single());
        await _app.GetPageAsync("/sea/drifting");
    }

    [Fact]
    public async Task DeletingOwnStoryRemovesItWithItsCommentsAndHearts()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!);
        var reader = await _app.Data.PersonAsync();
        await _app.Data.CommentAsync(story, reader, "Lovely.");
        await _app.Data.HeartAsync(story, reader);
        var url = $"/api/v1/stories/{story.Id}";

        var deleted = await author.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await author.GetAsync(url)).ReadProblemAsync(404);
        await (await author.DeleteAsync(url)).ReadProblemAsync(404);
        Assert.False(await _app.WithDbAsync(db => db.Comments.AnyAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Hearts.AnyAsync()));
        await _app.GetPageAsync($"/{community.Slug}/{story.Slug}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/v1/stories")]
    [InlineData("PATCH", "/api/v1/stories/1")]
    [InlineData("DELETE", "/api/v1/stories/1")]
    public async Task WritesWithoutATokenAreRefused(string method, string url)
    {
        var community = await _app.Data.CommunityAsync("earth");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        var response = await anonymous.SendRawAsync(new HttpMethod(method), url, """{"title": "Anonymous"}""");

        await response.ReadProblemAsync(401);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == "Anonymous")));
    }
}
