using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Api;

/// <summary>
/// Every request the story endpoints can't use gets a 4xx problem detail that says what to fix; nothing is saved. The
/// tests share one app: each writes as a person of its own and looks only at that person's stories.
/// </summary>
public sealed class StoryApiMalformedTests(SharedFolioApp shared) : IClassFixture<SharedFolioApp>
{
    private readonly FolioApp _app = shared.App;

    [Theory]
    [InlineData("""{"title":""", "JSON")]
    [InlineData("""{"community": "earth", "title": 5}""", "$.title")]
    [InlineData("""{"community": "earth", "title": "Tags", "tags": "x"}""", "$.tags")]
    [InlineData("""{"community": "earth", "title": "Tags", "tags": [1, 2]}""", "$.tags")]
    [InlineData("""{"community": "earth", "title": "Colour", "colour": "red"}""", "colour")]
    [InlineData("""{"community": "earth", "title": "Yes", "commentsEnabled": "yes"}""", "$.commentsEnabled")]
    [InlineData("""{"community": "earth", "title": "When", "status": "published", "publishedAt": "last tuesday"}""", "$.publishedAt")]
    [InlineData("""[]""", "JSON")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    public async Task AnUnreadableBodyIsABadRequest(string body, string mentioned)
    {
        using var api = await ReadyAsync();

        var created = await api.SendRawAsync(HttpMethod.Post, "/api/v1/stories", body);
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), api.User!, title: "Untouched");
        var patched = await api.SendRawAsync(HttpMethod.Patch, $"/api/v1/stories/{story.Id}", body);

        Assert.Contains(mentioned, (await created.ReadProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await patched.ReadProblemAsync(400);
        Assert.Equal(["Untouched"], await TitlesByAsync(api));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsAnUnsupportedMediaType()
    {
        using var api = await ReadyAsync();

        var response = await api.SendRawAsync(HttpMethod.Post, "/api/v1/stories", "title=Plain", "text/plain");

        await response.ReadProblemAsync(415);
        Assert.Empty(await TitlesByAsync(api));
    }

    [Fact]
    public async Task MissingRequiredFieldsAreNamedOneByOne()
    {
        using var api = await ReadyAsync();

        var problem = await (await api.PostJsonAsync("/api/v1/stories", new { body = "No title, no community." })).ReadProblemAsync(400);

        Assert.Equal("Choose the community this story belongs to.", problem.FieldErrors("community").Single());
        Assert.StartsWith("Give your story a title", problem.FieldErrors("title").Single());
        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
    }

    [Fact]
    public async Task HugeFieldsAreRefusedWithTheEditorsMessages()
    {
        using var api = await ReadyAsync();

        var problem = await (await api.PostJsonAsync("/api/v1/stories", new
        {
            community = "earth",
            title = new string('t', 10_000),
            subtitle = new string('s', 1_000),
            body = new string('b', 200_001),
            tags = Enumerable.Range(1, 50).Select(i => $"tag{i}").ToArray(),
        })).ReadProblemAsync(400);

        Assert.Equal(["Titles are at most 120 characters."], problem.FieldErrors("title"));
        Assert.Equal(["Subtitles are at most 200 characters."], problem.FieldErrors("subtitle"));
        Assert.Equal(["A story can be at most 200,000 characters long."], problem.FieldErrors("body"));
        Assert.Contains("Use at most 5 tags; you have 50.", problem.FieldErrors("tags"));
        Assert.Empty(await TitlesByAsync(api));
    }

    [Fact]
    public async Task ARequestBeyondAnyStorysSizeIsRefused()
    {
        using var api = await ReadyAsync();

        var response = await api.PostJsonAsync("/api/v1/stories", new { community = "earth", title = "Enormous", body = new string('b', 3_000_000) });

        // Kestrel answers 413 from the endpoints' size limit; the in-memory test server has no limit, so the body rule answers.
        Assert.Contains((int)response.StatusCode, new[] { 400, 413 });
        await response.ReadProblemAsync((int)response.StatusCode);
        var writes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimEnd('/') is "/api/v1/stories" or "/api/v1/stories/{id:int}"
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PATCH" or "DELETE") == true)
            .ToList();
        Assert.Equal(3, writes.Count);
        Assert.All(writes, e => Assert.InRange(e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? long.MaxValue, 1_300_000, 4_000_000));
    }

    [Theory]
    [InlineData("""{"community": "moon", "title": "Lost"}""", "community", "There is no community “moon”")]
    [InlineData("""{"community": "earth", "title": "Wait", "status": "pending"}""", "status", "Use \"draft\"")]
    [InlineData("""{"community": "earth", "title": "Off", "status": "unpublished"}""", "status", "Use \"draft\"")]
    [InlineData("""{"community": "earth", "title": "Commas", "tags": ["Rivers, Lakes"]}""", "tags", "send each tag as its own item")]
    [InlineData("""{"community": "earth", "title": "Symbols", "tags": ["!!!"]}""", "tags", "can’t be a tag")]
    public async Task AFieldTheSiteCantUseIsAValidationError(string body, string field, string message)
    {
        using var api = await ReadyAsync();

        var problem = await (await api.SendRawAsync(HttpMethod.Post, "/api/v1/stories", body)).ReadProblemAsync(400);

        Assert.Contains(problem.FieldErrors(field), m => m.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"status": "live"}""", "status")]
    [InlineData("""{"title": "   "}""", "title")]
    [InlineData("""{"title": ""}""", "title")]
    [InlineData("""{"body": "Too short to publish."}""", "body")]
    [InlineData("""{"subtitle": ""}""", "subtitle")]
    [InlineData("""{"community": "moon"}""", "community")]
    public async Task APatchThatBreaksAPublishedStorysRulesIsRefused(string body, string field)
    {
        using var api = await ReadyAsync();
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), api.User!, title: "Kept As Is", body: StoryForms.Words(150));

        var problem = await (await api.SendRawAsync(HttpMethod.Patch, $"/api/v1/stories/{story.Id}", body)).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(["Kept As Is"], await TitlesByAsync(api));
    }

    [Theory]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwLjU", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1000", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?tag=%21%21%21", "tag")]
    public async Task BadListParametersAreNamed(string query, string field)
    {
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        var problem = await (await anonymous.GetAsync("/api/v1/stories" + query)).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Theory]
    [InlineData("community")]
    [InlineData("tag")]
    [InlineData("author")]
    public async Task AnOverlongFilterIsRefused(string filter)
    {
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        var problem = await (await anonymous.GetAsync($"/api/v1/stories?{filter}={new string('x', 201)}")).ReadProblemAsync(400);

        Assert.Contains("200 characters", problem.FieldErrors(filter).Single());
    }

    [Fact]
    public async Task ALimitThatIsNotANumberIsABadRequest()
    {
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await anonymous.GetAsync("/api/v1/stories?limit=lots")).ReadProblemAsync(400);
    }

    [Theory]
    [InlineData("GET", "/api/v1/stories/abc")]
    [InlineData("GET", "/api/v1/stories/-1")]
    [InlineData("GET", "/api/v1/stories/0")]
    [InlineData("GET", "/api/v1/stories/99999999999")]
    [InlineData("PATCH", "/api/v1/stories/abc")]
    [InlineData("PATCH", "/api/v1/stories/-1")]
    [InlineData("DELETE", "/api/v1/stories/abc")]
    [InlineData("DELETE", "/api/v1/stories/-1")]
    public async Task AnIdThatNamesNoStoryIsNotFound(string method, string url)
    {
        using var api = await ReadyAsync();

        var response = await api.SendRawAsync(new HttpMethod(method), url, """{"title": "Nothing"}""");

        await response.ReadProblemAsync(404);
    }

    private Task<List<string>> TitlesByAsync(ApiClient api) =>
        _app.WithDbAsync(db => db.Stories.Where(s => s.AuthorId == api.User!.Id).Select(s => s.Title).ToListAsync());

    private async Task<ApiClient> ReadyAsync()
    {
        if (!await _app.WithDbAsync(db => db.Communities.AnyAsync(c => c.Slug == "earth")))
        {
            await _app.Data.CommunityAsync("earth", "Earth");
        }

        return await _app.ApiClientForAsync(Persona.Trusted);
    }
}
