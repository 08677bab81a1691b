using System.Net;
using System.Text.Json;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Api.StoryApiCalls;

namespace Folio.Tests.Api;

public sealed class StoryApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DraftsWithOneTitleSentAtOnceAreAllCreatedEachWithItsOwnSlug()
    {
        await _app.Data.CommunityAsync("races", "Races");
        using var creator = await _app.ApiClientForAsync(Persona.Creator);

        var sent = Enumerable.Range(0, 6).Select(_ => creator.PostJsonAsync("/api/v1/stories", NewStory("races", "The Same Title")));
        var responses = await Task.WhenAll(sent);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var slugs = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("slug").GetString()));
        Assert.Equal(6, slugs.Distinct().Count());
        Assert.Contains("the-same-title", slugs);
        Assert.Equal(6, await _app.WithDbAsync(db => db.Stories.CountAsync(s => s.Title == "The Same Title")));
    }

    [Fact]
    public async Task ATitleManyStoriesShareGetsTheNextNumberAfterThem()
    {
        var community = await _app.Data.CommunityAsync("crowded", "Crowded");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Crowded Title");
        for (var n = 2; n <= 14; n++)
        {
            await _app.Data.StoryAsync(community, author, $"Crowded Title {n}");
        }

        using var creator = await _app.ApiClientForAsync(Persona.Creator);
        var first = await (await creator.PostJsonAsync("/api/v1/stories", NewStory("crowded", "Crowded Title"))).ReadJsonAsync();
        var second = await (await creator.PostJsonAsync("/api/v1/stories", NewStory("crowded", "Crowded Title"))).ReadJsonAsync();

        Assert.Equal("crowded-title-15", first.GetProperty("slug").GetString());
        Assert.Equal("crowded-title-16", second.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task ACreatorsPublishRequestIsSubmittedForReview()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var creator = await _app.ApiClientForAsync(Persona.Creator);

        var response = await creator.PostJsonAsync("/api/v1/stories", NewStory("earth", "The Quiet Glacier", status: "published"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var story = await response.ReadJsonAsync();
        var id = story.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/stories/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", story.GetProperty("status").GetString());
        Assert.Equal("the-quiet-glacier", story.GetProperty("slug").GetString());
        Assert.Equal("http://localhost/earth/the-quiet-glacier", story.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, story.GetProperty("publishedAt").ValueKind);
        Assert.Equal(["Climate", "Nature"], story.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(creator.User!.UserName, story.GetProperty("author").GetProperty("username").GetString());
        Assert.Contains("<strong>", story.GetProperty("bodyHtml").GetString());
        Assert.Equal(StoryStatus.Pending, await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await creator.GetAsync($"/api/v1/stories/{id}")).StatusCode);
        await _app.GetPageAsync("/earth/the-quiet-glacier", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATrustedCreatorPublishesAtOnceAndTheStoryPageIsLive()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var trusted = await _app.ApiClientForAsync(Persona.Trusted);

        var story = await trusted.CreateStoryAsync(NewStory("earth", "Rivers Remember", status: "published"));

        Assert.Equal("published", story.GetProperty("status").GetString());
        Assert.Equal(_app.Clock.UtcNow, story.GetProperty("publishedAt").GetDateTime());
        using var browser = _app.NewBrowser();
        var page = await browser.GetHtmlAsync(story.GetProperty("url").GetString()!);
        Assert.Equal("Rivers Remember", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task AnAdminKeepsAnImportedStorysOriginalDate()
    {
        var community = await _app.Data.CommunityAsync("earth", "Earth");
        var newer = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), publishedAt: new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var admin = await _app.ApiClientForAsync(Persona.Admin);

        var story = await admin.CreateStoryAsync(NewStory("earth", "Letters From 2020", status: "published", publishedAt: "2020-05-01T12:00:00+02:00"));

        Assert.Equal(new DateTime(2020, 5, 1, 10, 0, 0, DateTimeKind.Utc), story.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        var list = await (await admin.GetAsync("/api/v1/stories?community=earth")).ReadJsonAsync();
        Assert.Equal([newer.Id, story.GetProperty("id").GetInt32()], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        var page = await _app.GetPageAsync("/earth/letters-from-2020");
        Assert.Equal("2020-05-01T10:00:00Z", page.QuerySelector(".byline time")?.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData(Persona.Trusted, "published", "2020-05-01T10:00:00Z", "Only admins may set publishedAt")]
    [InlineData(Persona.Moderator, "published", "2020-05-01T10:00:00Z", "Only admins may set publishedAt")]
    [InlineData(Persona.Admin, "published", "2999-01-01T00:00:00Z", "can't be in the future")]
    [InlineData(Persona.Admin, "published", "2020-05-01T10:00:00", "Give the time zone")]
    [InlineData(Persona.Admin, "draft", "2020-05-01T10:00:00Z", "\"status\": \"published\"")]
    public async Task PublishedAtIsRefusedUnlessAnAdminDatesAPastPublication(Persona persona, string status, string publishedAt, string message)
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var api = await _app.ApiClientForAsync(persona);

        var response = await api.PostJsonAsync("/api/v1/stories", NewStory("earth", "Backdated", status: status, publishedAt: publishedAt));

        var problem = await response.ReadProblemAsync(400);
        Assert.Contains(problem.FieldErrors("publishedAt"), m => m.Contains(message, StringComparison.Ordinal));
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync()));
    }

    [Fact]
    public async Task ADraftNeedsOnlyACommunityAndATitleButPublishingNeedsTheCommunitysRules()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var trusted = await _app.ApiClientForAsync(Persona.Trusted);

        var draft = await trusted.CreateStoryAsync(new { community = "earth", title = "Half an Idea" });
        var refused = await trusted.PostJsonAsync("/api/v1/stories", new { community = "earth", title = "Too Short", body = "Only six words in this body.", status = "published" });

        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.True(draft.GetProperty("commentsEnabled").GetBoolean());
        var problem = await refused.ReadProblemAsync(400);
        Assert.StartsWith("Earth asks for at least 100 words; this story has 6.", problem.FieldErrors("body").Single());
        Assert.Contains("Add a subtitle", problem.FieldErrors("subtitle").Single());
    }

    [Fact]
    public async Task TheListPagesNewestFirstWithoutGapsOrDuplicates()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var sameMoment = _app.Clock.UtcNow.AddHours(-3);
        var published = new List<Story>();
        foreach (var at in new[] { sameMoment, sameMoment, _app.Clock.UtcNow.AddHours(-1), _app.Clock.UtcNow.AddHours(-5), sameMoment })
        {
            published.Add(await _app.Data.StoryAsync(community, author, publishedAt: at));
        }

        await _app.Data.StoryAsync(community, author, status: StoryStatus.Draft);
        var expected = published.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Select(s => s.Id).ToList();
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await anonymous.GetAsync($"/api/v1/stories?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => i.GetProperty("id").GetInt32()));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task TheListFiltersByCommunityTagAndAuthor()
    {
        var earth = await _app.Data.CommunityAsync("earth");
        var sea = await _app.Data.CommunityAsync("sea");
        var maya = await _app.Data.PersonAsync("Maya");
        var omar = await _app.Data.PersonAsync("omar");
        var glacier = await _app.Data.StoryAsync(earth, maya, tags: ["Climate", "Slow Living"]);
        var tide = await _app.Data.StoryAsync(sea, maya, tags: ["Climate"]);
        var reef = await _app.Data.StoryAsync(sea, omar, tags: ["Reefs"]);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        Assert.Equal([reef.Id, tide.Id], await anonymous.StoryIdsAsync("?community=sea"));
        Assert.Equal([tide.Id, glacier.Id], await anonymous.StoryIdsAsync("?tag=CLIMATE"));
        Assert.Equal([glacier.Id], await anonymous.StoryIdsAsync("?tag=slow-living"));
        Assert.Equal([glacier.Id], await anonymous.StoryIdsAsync("?tag=Slow%20living&author=maya&community=earth"));
        Assert.Equal([tide.Id, glacier.Id], await anonymous.StoryIdsAsync("?author=MAYA"));
        Assert.Empty(await anonymous.StoryIdsAsync("?community=moon"));
        Assert.Empty(await anonymous.StoryIdsAsync("?author=nobody"));
        var item = (await (await anonymous.GetAsync("/api/v1/stories?author=omar")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal("http://localhost/sea/" + reef.Slug, item.GetProperty("url").GetString());
        Assert.Equal("http://localhost/authors/omar", item.GetProperty("author").GetProperty("url").GetString());
    }

    [Fact]
    public async Task ADraftIsVisibleOnlyToItsAuthorAndModerators()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var draft = await _app.Data.StoryAsync(community, author.User!, status: StoryStatus.Draft);
        using var other = await _app.ApiClientForAsync(Persona.Creator);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);
        var url = $"/api/v1/stories/{draft.Id}";

        var own = await (await author.GetAsync(url)).ReadJsonAsync();

        Assert.Equal("draft", own.GetProperty("status").GetString());
        Assert.Equal(draft.BodyMarkdown, own.GetProperty("body").GetString());
        var hidden = await (await other.GetAsync(url)).ReadProblemAsync(404);
        await (await anonymous.GetAsync(url)).ReadProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(url)).StatusCode);
        var missing = await (await other.GetAsync("/api/v1/stories/999999")).ReadProblemAsync(404);
        Assert.Equal(missing.GetProperty("detail").GetString()!.Replace("999999", draft.Id.ToString()), hidden.GetProperty("detail").GetString());
        Assert.Empty(await author.StoryIdsAsync());
        Assert.DoesNotContain(draft.Title, hidden.GetRawText());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheStoryEndpoints()
    {
        using var client = _app.CreateClient();

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var paths = read.Document!.Paths;
        Assert.Equal(["GET", "POST"], paths["/api/v1/stories"].Operations!.Keys.Select(k => k.Method).Order());
        Assert.Equal(["DELETE", "GET", "PATCH"], paths["/api/v1/stories/{id}"].Operations!.Keys.Select(k => k.Method).Order());
        var create = read.Document.Components!.Schemas!["CreateStoryRequest"];
        Assert.Equal(["community", "title"], create.Required!.Order());
        Assert.Contains("Admins only", create.Properties!["publishedAt"].Description);
        Assert.Contains("sent-back", read.Document.Components.Schemas["StoryStatus"].Enum!.Select(e => e.ToString()));
    }
}
