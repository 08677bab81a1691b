using System.Net;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Api;

public sealed class AuthorApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AProfileShowsTheCreatorTheirLinksAndTheirPublishedStories()
    {
        var maya = await _app.Data.PersonAsync("maya", "Maya Lindqvist", "Writes about the sea.");
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(maya.Id))!.Links.Add(new SocialLink { Label = "Website", Url = "https://maya.example" });
            await db.SaveChangesAsync();
        });
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, maya);
        await _app.Data.StoryAsync(community, maya);
        await _app.Data.StoryAsync(community, maya, status: StoryStatus.Draft);
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var author = await (await api.GetAsync("/api/v1/authors/MAYA")).ReadJsonAsync();

        Assert.Equal("maya", author.GetProperty("username").GetString());
        Assert.Equal("Maya Lindqvist", author.GetProperty("name").GetString());
        Assert.Equal("Writes about the sea.", author.GetProperty("bio").GetString());
        Assert.Matches("^https?://[^/]+/authors/maya$", author.GetProperty("url").GetString());
        Assert.Matches("^https?://[^/]+/demo/avatars/maya.svg$", author.GetProperty("avatarUrl").GetString());
        Assert.Equal(2, author.GetProperty("storyCount").GetInt32());
        var link = Assert.Single(author.GetProperty("links").EnumerateArray());
        Assert.Equal(("Website", "https://maya.example"), (link.GetProperty("label").GetString(), link.GetProperty("url").GetString()));
        Assert.Equal(maya.JoinedAt, author.GetProperty("joinedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AnOldUsernameRedirectsPermanentlyToTheCurrentOne()
    {
        var maya = await _app.Data.PersonAsync("maya-writes");
        await _app.WithDbAsync(async db =>
        {
            db.UsernameRedirects.Add(new UsernameRedirect { NormalizedOldUserName = "MAYA", UserId = maya.Id, ChangedAt = _app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var moved = await api.GetAsync("/api/v1/authors/Maya");

        Assert.Equal(HttpStatusCode.PermanentRedirect, moved.StatusCode);
        Assert.Equal("/api/v1/authors/maya-writes", moved.Headers.Location?.OriginalString);
        var author = await (await api.GetAsync(moved.Headers.Location!.OriginalString)).ReadJsonAsync();
        Assert.Equal("maya-writes", author.GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("nobody-here")]
    [InlineData("%E2%9C%A8")]
    [InlineData("a-very-long-name-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AnUnknownUsernameIsANotFoundProblem(string username)
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var problem = await (await api.GetAsync("/api/v1/authors/" + username)).ReadProblemAsync(404);

        Assert.Contains("no creator", problem.GetProperty("detail").GetString());
    }
}
