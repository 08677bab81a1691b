using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Saved;

/// <summary>GET, PUT and DELETE /api/v1/me/saved: a token's own saved stories, idempotent, problem details for what can't be saved.</summary>
public sealed class SavedApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<int[]> IdsAsync(ApiClient api, string url = "/api/v1/me/saved")
    {
        var page = await (await api.GetAsync(url)).ReadJsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("story").GetProperty("id").GetInt32())];
    }

    [Fact]
    public async Task PutSavesOnceAndDeleteRemovesWhateverTheRepeats()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var story = await _app.StoryAsync("Saved Through The Api");

        var put = await api.Http.PutAsync($"/api/v1/me/saved/{story.Id}", null);
        var saved = await put.ReadJsonAsync();
        _app.Clock.Now = _app.Clock.Now.AddMinutes(5);
        var again = await (await api.Http.PutAsync($"/api/v1/me/saved/{story.Id}", null)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Saved Through The Api", saved.GetProperty("story").GetProperty("title").GetString());
        Assert.EndsWith(SavedFixtures.UrlOf(story), saved.GetProperty("story").GetProperty("url").GetString());
        Assert.Equal(saved.GetProperty("savedAt").GetDateTime(), again.GetProperty("savedAt").GetDateTime());
        Assert.Equal([story.Id], await IdsAsync(api));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/saved/{story.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/saved/{story.Id}")).StatusCode);
        Assert.Empty(await IdsAsync(api));
    }

    [Fact]
    public async Task TheListIsTheLastSavedFirstPagedWithACursor()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var story = await _app.StoryAsync();
            // Two saved in the same instant: the story id breaks the tie, so no page repeats or skips one.
            await _app.SaveAsync(story, api.User!, _app.Clock.UtcNow.AddMinutes(i == 4 ? 3 : i));
            ids.Add(story.Id);
        }

        var first = await (await api.GetAsync("/api/v1/me/saved?limit=2")).ReadJsonAsync();
        var seen = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("story").GetProperty("id").GetInt32()).ToList();
        var next = first.GetProperty("next").GetString();
        while (next is not null)
        {
            var page = await (await api.GetAsync($"/api/v1/me/saved?limit=2&cursor={next}")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("story").GetProperty("id").GetInt32()));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], seen);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?cursor=not-a-cursor!", "cursor")]
    public async Task BadListParametersAreA400(string query, string field)
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var problem = await (await api.GetAsync("/api/v1/me/saved" + query)).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Pending)]
    [InlineData(null)]
    public async Task OnlyAPublishedStoryCanBeSaved(StoryStatus? status)
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var id = status is { } unpublished ? (await _app.StoryAsync(status: unpublished)).Id : 424242;

        var put = await (await api.Http.PutAsync($"/api/v1/me/saved/{id}", null)).ReadProblemAsync(404);
        await (await api.DeleteAsync($"/api/v1/me/saved/{id}")).ReadProblemAsync(404);

        Assert.Contains($"{id}", put.GetProperty("detail").GetString());
        Assert.Equal(0, await _app.WithDbAsync(db => db.SavedStories.CountAsync()));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/me/saved/abc")]
    [InlineData("DELETE", "/api/v1/me/saved/-1")]
    [InlineData("PUT", "/api/v1/me/saved/99999999999")]
    public async Task IdsThatAreNotStoriesAreProblemDetails(string method, string url)
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        await (await api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).ReadProblemAsync(404);
    }

    [Fact]
    public async Task AStoryUnpublishedAfterBeingSavedIsLeftOutButCanBeRemoved()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        var story = await _app.StoryAsync();
        await api.Http.PutAsync($"/api/v1/me/saved/{story.Id}", null);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        Assert.Empty(await IdsAsync(api));
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/saved/{story.Id}")).StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SavedStories.CountAsync()));
    }

    [Fact]
    public async Task ATokenSeesOnlyItsOwnSavedStoriesAndNoPublicAnswerCountsThem()
    {
        using var mine = await _app.ApiClientForAsync(Persona.Reader);
        using var theirs = await _app.ApiClientForAsync(Persona.Reader);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);
        var story = await _app.StoryAsync();
        await mine.Http.PutAsync($"/api/v1/me/saved/{story.Id}", null);

        Assert.Empty(await IdsAsync(theirs));
        await (await anonymous.GetAsync("/api/v1/me/saved")).ReadProblemAsync(401);
        await (await anonymous.Http.PutAsync($"/api/v1/me/saved/{story.Id}", null)).ReadProblemAsync(401);
        var publicStory = await (await anonymous.GetAsync($"/api/v1/stories/{story.Id}")).Content.ReadAsStringAsync();
        var publicList = await (await anonymous.GetAsync("/api/v1/stories")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("saved", publicStory, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("saved", publicList, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", (await mine.GetAsync("/api/v1/me/saved")).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheThreeOperations()
    {
        using var client = _app.CreateClient();

        var paths = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        Assert.Equal("Your saved stories, the last saved first", paths.GetProperty("/api/v1/me/saved").GetProperty("get").GetProperty("summary").GetString());
        var one = paths.GetProperty("/api/v1/me/saved/{storyId}");
        Assert.True(one.TryGetProperty("put", out var put));
        Assert.True(one.TryGetProperty("delete", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("404", out _));
    }
}
