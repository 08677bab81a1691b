using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Series;

public sealed class SeriesApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheOwnerCreatesASeriesAddsPartsAndAnyoneReadsItsReadableParts()
    {
        var community = await _app.Data.CommunityAsync();
        using var owner = await _app.ApiClientForAsync(Persona.Creator, "iris");
        var one = await _app.Data.StoryAsync(community, owner.User!, "First Light", publishedAt: _app.Clock.UtcNow.AddDays(-2));
        var two = await _app.Data.StoryAsync(community, owner.User!, "Second Light", publishedAt: _app.Clock.UtcNow.AddDays(-1));
        var draft = await _app.Data.StoryAsync(community, owner.User!, "Third Light", status: StoryStatus.Draft);

        var created = await owner.PostJsonAsync("/api/v1/series", new { title = "Light Trilogy", description = "Three mornings." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        foreach (var story in new[] { two, draft })
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync($"/api/v1/series/{id}/parts", new { storyId = story.Id })).StatusCode);
        }

        var added = await owner.PostJsonAsync($"/api/v1/series/{id}/parts", new { storyId = one.Id, position = 1 });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        using var anyone = await _app.ApiClientForAsync(Persona.Anonymous);
        var series = await (await anyone.GetAsync("/api/v1/authors/iris/series/light-trilogy")).ReadJsonAsync();
        Assert.Equal("Light Trilogy", series.GetProperty("title").GetString());
        Assert.Equal("Three mornings.", series.GetProperty("description").GetString());
        Assert.Equal(["First Light", "Second Light"], series.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal([1, 2], series.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("number").GetInt32()));
        var list = await (await anyone.GetAsync("/api/v1/authors/iris/series")).ReadJsonAsync();
        Assert.Equal(2, list.EnumerateArray().Single().GetProperty("partCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/series/{id}/parts/{two.Id}")).StatusCode);
        var renamed = await owner.PatchJsonAsync($"/api/v1/series/{id}", new { title = "Light Duology" });
        Assert.Equal("Light Duology", (await renamed.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(["First Light"], (await (await anyone.GetAsync("/api/v1/authors/iris/series/light-trilogy")).ReadJsonAsync())
            .GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task BadInputIsAProblemNeverAServerError()
    {
        var community = await _app.Data.CommunityAsync();
        using var owner = await _app.ApiClientForAsync(Persona.Creator);
        using var other = await _app.ApiClientForAsync(Persona.Creator);
        var theirs = await _app.Data.StoryAsync(community, other.User!, "Their Story");
        var id = (await (await owner.PostJsonAsync("/api/v1/series", new { title = "Mine" })).ReadJsonAsync()).GetProperty("id").GetInt32();

        var empty = await (await owner.PostJsonAsync("/api/v1/series", new { title = "" })).ReadProblemAsync(400);
        Assert.Equal(["Give the series a title."], empty.FieldErrors("title"));
        var duplicate = await (await owner.PostJsonAsync("/api/v1/series", new { title = "Mine" })).ReadProblemAsync(400);
        Assert.Contains("already have a series", duplicate.FieldErrors("slug").Single());
        var notMine = await (await owner.PostJsonAsync($"/api/v1/series/{id}/parts", new { storyId = theirs.Id })).ReadProblemAsync(403);
        Assert.Equal("You can only add your own stories to your series.", notMine.GetProperty("detail").GetString());
        await (await other.PostJsonAsync($"/api/v1/series/{id}/parts", new { storyId = theirs.Id })).ReadProblemAsync(404);
        await (await other.PatchJsonAsync($"/api/v1/series/{id}", new { title = "Taken Over" })).ReadProblemAsync(404);
        await (await owner.PostJsonAsync($"/api/v1/series/{id}/parts", new { storyId = 987654 })).ReadProblemAsync(404);
        using var anyone = await _app.ApiClientForAsync(Persona.Anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostJsonAsync("/api/v1/series", new { title = "Nope" })).StatusCode);
        await (await anyone.GetAsync("/api/v1/authors/nobody-here/series")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheSeriesEndpoints()
    {
        using var client = await _app.ApiClientForAsync(Persona.Anonymous);
        var paths = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        Assert.Equal("A series and its published parts, in order", paths.GetProperty("/api/v1/authors/{username}/series/{slug}").GetProperty("get").GetProperty("summary").GetString());
        Assert.True(paths.GetProperty("/api/v1/authors/{username}/series").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/series").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/series/{id}").TryGetProperty("patch", out _));
        var parts = paths.GetProperty("/api/v1/series/{id}/parts").GetProperty("post");
        Assert.True(parts.GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(paths.GetProperty("/api/v1/series/{id}/parts/{storyId}").TryGetProperty("delete", out _));
    }
}
