using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;
using Folio.Tests.Search;
using Folio.Tests.Writing;
using static Folio.Tests.Api.StoryApiCalls;

namespace Folio.Tests.Api;

/// <summary>The API reports a revision's state as the editor does, and changes nothing readers see without review.</summary>
public sealed class StoryApiRevisionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EditsOfALiveStorySentAtOnceAreKeptOrRefusedAsAConflictNeverAnError()
    {
        var community = await _app.Data.CommunityAsync("api-races");
        using var author = await _app.ApiClientForAsync(Persona.Creator);

        for (var round = 0; round < 4; round++)
        {
            var story = await _app.Data.StoryAsync(community, author.User!, $"Tide Tables {round}", StoryForms.Words(150, "tide"));
            var edits = Enumerable.Range(0, 4).Select(n =>
                author.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { title = $"Tide Tables {round}, take {n}" }));
            var statuses = (await Task.WhenAll(edits)).Select(r => (int)r.StatusCode).ToList();

            Assert.All(statuses, status => Assert.Contains(status, new[] { 200, 409 }));
            Assert.Contains(200, statuses);
        }
    }

    [Fact]
    public async Task ACreatorsPatchToALiveStoryWaitsAsAPendingRevision()
    {
        var community = await _app.Data.CommunityAsync("api-edits");
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, "Glacier Notes", StoryForms.Words(150, "glacier"));

        var patched = await (await author.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { title = "Glacier Notes (CHEAP PILLS)", body = StoryForms.Words(150, "pills") })).ReadOkAsync();

        Assert.Equal("Glacier Notes", patched.GetProperty("title").GetString());
        Assert.Equal("pending", patched.GetProperty("revisionStatus").GetString());
        Assert.Equal("Glacier Notes (CHEAP PILLS)", patched.GetProperty("revision").GetProperty("title").GetString());
        var asReader = await (await _app.CreateClient().GetAsync($"/api/v1/stories/{story.Id}")).ReadOkAsync();
        Assert.Equal("Glacier Notes", asReader.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, asReader.GetProperty("revisionStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, asReader.GetProperty("revision").ValueKind);
        Assert.Empty(await _app.TitlesFoundAsync("pills"));
        Assert.Equal("Glacier Notes", (await _app.GetPageAsync("/api-edits/glacier-notes")).QuerySelector("h1")?.TextContent);

        var withdrawn = await (await author.DeleteAsync($"/api/v1/stories/{story.Id}/revision")).ReadOkAsync();
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("revisionStatus").ValueKind);
        var again = await (await author.DeleteAsync($"/api/v1/stories/{story.Id}/revision")).ReadProblemAsync(409);
        Assert.Contains("no changes waiting for review", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATrustedCreatorsPatchGoesLiveAndPublishingRulesStillApply()
    {
        var community = await _app.Data.CommunityAsync("api-trusted");
        using var author = await _app.ApiClientForAsync(Persona.Trusted);
        var story = await _app.Data.StoryAsync(community, author.User!, "Moraine", StoryForms.Words(150, "moraine"));

        var patched = await (await author.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { title = "Moraine, Revisited" })).ReadOkAsync();
        Assert.Equal("Moraine, Revisited", patched.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("revisionStatus").ValueKind);

        var moved = await (await author.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { community = "elsewhere" })).ReadProblemAsync(400);
        Assert.Contains("A story stays in the community it was first published in", moved.FieldErrors("community").Single());
        var tooShort = await (await author.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { body = "tiny" })).ReadProblemAsync(400);
        Assert.NotEmpty(tooShort.FieldErrors("body"));
    }

    [Fact]
    public async Task AStoryWithoutChangesWaitingHasNoRevisionToWithdraw()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!);
        using var stranger = await _app.ApiClientForAsync(Persona.Creator);

        await (await author.DeleteAsync($"/api/v1/stories/{story.Id}/revision")).ReadProblemAsync(409);
        await (await stranger.DeleteAsync($"/api/v1/stories/{story.Id}/revision")).ReadProblemAsync(403);
        await (await stranger.DeleteAsync("/api/v1/stories/999999/revision")).ReadProblemAsync(404);
    }
}
