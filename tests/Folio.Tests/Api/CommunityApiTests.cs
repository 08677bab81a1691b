using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class CommunityApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static object NightOwls(string slug = "night-owls") => new { slug, name = "Night Owls", tagline = "Stories written after dark." };

    [Fact]
    public async Task CommunitiesAreListedNewestFirstAndTheCursorWalksThroughAllOfThem()
    {
        var oldest = await _app.Data.CommunityAsync("oldest");
        _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
        await _app.Data.CommunityAsync("middle");
        _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
        await _app.Data.CommunityAsync("newest");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(oldest, author);
        await _app.Data.StoryAsync(oldest, author, status: StoryStatus.Draft);
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var first = await (await api.GetAsync("/api/v1/communities?limit=2")).ReadJsonAsync();
        var next = first.GetProperty("next").GetString();
        var second = await (await api.GetAsync($"/api/v1/communities?limit=2&cursor={next}")).ReadJsonAsync();

        Assert.Equal(["newest", "middle"], first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        var last = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal("oldest", last.GetProperty("slug").GetString());
        Assert.Equal(1, last.GetProperty("storyCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task ACommunityIsFoundByItsSlugInAnyCase()
    {
        await _app.Data.CommunityAsync("night-owls", "Night Owls");
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var community = await (await api.GetAsync("/api/v1/communities/Night-Owls")).ReadJsonAsync();

        Assert.Equal("night-owls", community.GetProperty("slug").GetString());
        Assert.Equal("Night Owls", community.GetProperty("name").GetString());
        Assert.Equal("Tagline of night-owls", community.GetProperty("tagline").GetString());
        Assert.Equal("#2f6b45", community.GetProperty("accentColor").GetString());
        Assert.Equal(100, community.GetProperty("minimumWords").GetInt32());
        Assert.Equal(0, community.GetProperty("storyCount").GetInt32());
        Assert.Matches("^https?://[^/]+/night-owls$", community.GetProperty("url").GetString());
        Assert.Matches("^https?://[^/]+/demo/communities/earth.svg$", community.GetProperty("logoUrl").GetString());
    }

    [Fact]
    public async Task AnUnknownCommunityIsANotFoundProblem()
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var problem = await (await api.GetAsync("/api/v1/communities/" + new string('x', 2_000))).ReadProblemAsync(404);

        Assert.Contains("No community answers", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAdminCreatesACommunityThatAnswersAtItsAddress()
    {
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var response = await admin.PostJsonAsync("/api/v1/communities", new
        {
            slug = "night-owls", name = " Night Owls ", tagline = "Stories written after dark.", description = "For the sleepless.",
            accentColor = "#1A2B3C", minimumWords = 300,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/communities/night-owls", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync();
        Assert.Equal(("Night Owls", "#1a2b3c", 300), (created.GetProperty("name").GetString(), created.GetProperty("accentColor").GetString(), created.GetProperty("minimumWords").GetInt32()));
        var fetched = await (await admin.GetAsync(response.Headers.Location!.OriginalString)).ReadJsonAsync();
        Assert.Equal("For the sleepless.", fetched.GetProperty("description").GetString());
        var page = await _app.GetPageAsync("/night-owls");
        Assert.Equal("Night Owls", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(Persona.Reader, 403)]
    [InlineData(Persona.Moderator, 403)]
    [InlineData(Persona.Anonymous, 401)]
    public async Task OnlyAdminsCreateCommunities(Persona persona, int status)
    {
        using var api = await _app.ApiClientForAsync(persona);

        await (await api.PostJsonAsync("/api/v1/communities", NightOwls())).ReadProblemAsync(status);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Theory]
    [InlineData("explore", "is a page of the site")]
    [InlineData("API", "Community slugs are")]
    [InlineData("Night_Owls", "Community slugs are")]
    [InlineData("x", "Community slugs are")]
    [InlineData("", "Choose a slug")]
    public async Task ReservedAndMalformedSlugsAreRefusedWithTheCommandsReasons(string slug, string reason)
    {
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var problem = await (await admin.PostJsonAsync("/api/v1/communities", NightOwls(slug))).ReadProblemAsync(400);

        Assert.Contains(reason, Assert.Single(problem.FieldErrors("slug")));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task ATakenSlugIsAConflict()
    {
        await _app.Data.CommunityAsync("night-owls");
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var problem = await (await admin.PostJsonAsync("/api/v1/communities", NightOwls())).ReadProblemAsync(409);

        Assert.Contains("already answers at /night-owls", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MissingAndOverlongFieldsAreEachNamed()
    {
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var missing = await (await admin.PostJsonAsync("/api/v1/communities", new { tagline = "Only a tagline" })).ReadProblemAsync(400);
        var overlong = await (await admin.PostJsonAsync("/api/v1/communities", new
        {
            slug = new string('a', 61), name = new string('n', 10_000), tagline = new string('t', 161), description = new string('d', 2_001),
            accentColor = "red; background: url(x)", minimumWords = -1,
        })).ReadProblemAsync(400);

        Assert.Contains("Choose a slug", Assert.Single(missing.FieldErrors("slug")));
        Assert.Contains("Give a name of 1–80 characters", Assert.Single(missing.FieldErrors("name")));
        Assert.Contains("Community slugs are", Assert.Single(overlong.FieldErrors("slug")));
        Assert.Contains("1–80 characters", Assert.Single(overlong.FieldErrors("name")));
        Assert.Contains("160 characters", Assert.Single(overlong.FieldErrors("tagline")));
        Assert.Contains("2000 characters", Assert.Single(overlong.FieldErrors("description")));
        Assert.Contains("#rrggbb", Assert.Single(overlong.FieldErrors("accentColor")));
        Assert.Contains("0–10,000", Assert.Single(overlong.FieldErrors("minimumWords")));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("""{"slug": 5, "name": "Night Owls"}""")]
    [InlineData("""{"slug": "night-owls", "name": "Night Owls", "minimumWords": "many"}""")]
    [InlineData("""{"slug": "night-owls", "name": "Night Owls", "minimumWords": 1e12}""")]
    [InlineData("""{"slug": "night-owls", "name": "Night Owls", "colour": "#ffffff"}""")]
    public async Task UnreadableBodiesAreBadRequestProblems(string body)
    {
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/communities", body)).ReadProblemAsync(400);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem()
    {
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        await (await admin.SendRawAsync(HttpMethod.Post, "/api/v1/communities", "slug=night-owls", "application/x-www-form-urlencoded")).ReadProblemAsync(415);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=bm90IGEgY3Vyc29y", "cursor")]
    public async Task BadPagingParametersAreNamed(string query, string field)
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var problem = await (await api.GetAsync("/api/v1/communities?" + query)).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task ALimitThatIsNotANumberIsABadRequestProblem()
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await api.GetAsync("/api/v1/communities?limit=ten")).ReadProblemAsync(400);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesCommunitiesAuthorsCommentsInsightsAndChallenges()
    {
        using var client = _app.CreateClient();

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var paths = read.Document!.Paths.Keys;
        Assert.Contains("/api/v1/communities", paths);
        Assert.Contains("/api/v1/communities/{slug}", paths);
        Assert.Contains("/api/v1/authors/{username}", paths);
        Assert.Contains("/api/v1/stories/{id}/comments", paths);
        Assert.Contains("/api/v1/stories/{id}/comments/{commentId}", paths);
        Assert.Contains("/api/v1/stories/{id}/insights", paths);
        Assert.Contains("/api/v1/challenges", paths);
        Assert.Contains("/api/v1/challenges/{slug}", paths);
        Assert.Contains("/api/v1/challenges/{slug}/entries", paths);
        Assert.Contains("/api/v1/challenges/{slug}/entries/{entryId}", paths);
    }
}
