using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

public sealed class ReadingChoicesApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MeReadsAndChangesTheReadingChoices()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var before = (await (await api.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("readingChoices");
        var after = (await (await api.PatchJsonAsync("/api/v1/me", new
        {
            readingChoices = new { hideAiGenerated = true, hiddenWarnings = new[] { "Violence", "strong-language" } },
        })).ReadJsonAsync()).GetProperty("readingChoices");

        Assert.False(before.GetProperty("hideAiGenerated").GetBoolean());
        Assert.Empty(before.GetProperty("hiddenWarnings").EnumerateArray());
        Assert.True(after.GetProperty("hideAiGenerated").GetBoolean());
        Assert.Equal(["violence", "strong-language"], after.GetProperty("hiddenWarnings").EnumerateArray().Select(w => w.GetString()));
        Assert.False(after.GetProperty("coverWarnedStories").GetBoolean());
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User!.Id));
        Assert.Equal((true, ContentWarnings.Violence | ContentWarnings.StrongLanguage), (stored.HideAiGenerated, stored.HiddenWarnings));
    }

    [Fact]
    public async Task AnUnknownWarningIsAProblemAndChangesNothing()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var response = await api.PatchJsonAsync("/api/v1/me", new { readingChoices = new { hideAiGenerated = true, hiddenWarnings = new[] { "violence", "ghosts" } } });

        var problem = await response.ReadProblemAsync(400);
        Assert.Contains("“ghosts” is not a content warning", problem.GetProperty("errors").GetProperty("readingChoices.hiddenWarnings")[0].GetString());
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == api.User!.Id));
        Assert.Equal((false, ContentWarnings.None), (stored.HideAiGenerated, stored.HiddenWarnings));
    }

    [Fact]
    public async Task AnUnknownReadingChoiceFieldIsRefused()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var response = await api.SendRawAsync(HttpMethod.Patch, "/api/v1/me", """{"readingChoices": {"hideAi": true}}""");

        await response.ReadProblemAsync(400);
    }

    [Fact]
    public async Task TheStoryListLeavesOutWhatTheTokensAccountHides()
    {
        var site = await HiddenStories.CreateAsync(_app);
        using var hider = await _app.ApiClientForAsync(Persona.Reader);
        using var other = await _app.ApiClientForAsync(Persona.Reader);
        using var visitor = await _app.ApiClientForAsync(Persona.Anonymous);
        await HiddenStories.ChooseAsync(_app, hider.User!, hideAiGenerated: true, ContentWarnings.StrongLanguage);
        var url = $"/api/v1/stories?community={site.Community.Slug}";

        async Task<List<string?>> TitlesAsync(ApiClient client) =>
            [.. (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())];

        Assert.Equal([site.Plain.Title], await TitlesAsync(hider));
        Assert.Equal([site.Violent.Title, site.Generated.Title, site.Plain.Title], await TitlesAsync(other));
        Assert.Equal([site.Violent.Title, site.Generated.Title, site.Plain.Title], await TitlesAsync(visitor));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hider.GetAsync($"/api/v1/stories/{site.Generated.Id}")).StatusCode);
    }
}
