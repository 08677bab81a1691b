using System.Text.Json;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Api.StoryApiCalls;

namespace Folio.Tests.Api;

/// <summary>Story labels in /api/v1: read as slugs, declared when writing, and an unknown one a 400 that lists the known ones.</summary>
public sealed class StoryLabelApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static object LabelledStory(string title, object? making, object? warnings, string? warningNote, string status = "published") => new
    {
        community = "earth",
        title,
        subtitle = $"A subtitle for {title}",
        body = Folio.Tests.Writing.StoryForms.Words(150, "glacier"),
        status,
        making,
        warnings,
        warningNote,
    };

    private static string[] Warnings(JsonElement story) => [.. story.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];

    [Fact]
    public async Task StoriesCarryTheirLabelsAsSlugsOneByOneAndInLists()
    {
        var community = await _app.Data.CommunityAsync("earth", "Earth");
        var author = await _app.Data.PersonAsync();
        var warned = await _app.Data.StoryAsync(community, author, "The Long War", publishedAt: _app.Clock.UtcNow.AddHours(-1));
        var plain = await _app.Data.StoryAsync(community, author, "A Quiet Garden", publishedAt: _app.Clock.UtcNow.AddHours(-2));
        await _app.LabelAsync(warned, StoryMaking.AiGenerated, ContentWarnings.Spoilers | ContentWarnings.Violence, "The ending.");
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);

        var one = await (await anonymous.GetAsync($"/api/v1/stories/{warned.Id}")).ReadOkAsync();
        var list = (await (await anonymous.GetAsync("/api/v1/stories")).ReadOkAsync()).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal("ai-generated", one.GetProperty("making").GetString());
        Assert.Equal(["violence", "spoilers"], Warnings(one));
        Assert.Equal("The ending.", one.GetProperty("warningNote").GetString());
        var (listedWarned, listedPlain) = (list.Single(s => s.GetProperty("id").GetInt32() == warned.Id), list.Single(s => s.GetProperty("id").GetInt32() == plain.Id));
        Assert.Equal(("ai-generated", "The ending."), (listedWarned.GetProperty("making").GetString(), listedWarned.GetProperty("warningNote").GetString()));
        Assert.Equal(["violence", "spoilers"], Warnings(listedWarned));
        Assert.Equal("written-by-a-person", listedPlain.GetProperty("making").GetString());
        Assert.Empty(Warnings(listedPlain));
        Assert.Equal(JsonValueKind.Null, listedPlain.GetProperty("warningNote").ValueKind);
    }

    [Fact]
    public async Task ACreatorDeclaresLabelsWhenWritingAndChangesThemLater()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var creator = await _app.ApiClientForAsync(Persona.Trusted);

        var created = await creator.CreateStoryAsync(LabelledStory("The Long War", "ai-assisted-editing", new[] { "self-harm", "spoilers" }, "Loss, told plainly."));
        var url = $"/api/v1/stories/{created.GetProperty("id").GetInt32()}";
        var retitled = await (await creator.PatchJsonAsync(url, new { title = "The Longer War" })).ReadOkAsync();
        var cleared = await (await creator.PatchJsonAsync(url, new { making = "written-by-a-person", warnings = Array.Empty<string>(), warningNote = "" })).ReadOkAsync();

        Assert.Equal("published", created.GetProperty("status").GetString());
        Assert.Equal("ai-assisted-editing", created.GetProperty("making").GetString());
        Assert.Equal(["self-harm", "spoilers"], Warnings(created));
        Assert.Equal("Loss, told plainly.", created.GetProperty("warningNote").GetString());
        Assert.Equal(("ai-assisted-editing", "Loss, told plainly."), (retitled.GetProperty("making").GetString(), retitled.GetProperty("warningNote").GetString()));
        Assert.Equal(["self-harm", "spoilers"], Warnings(retitled));
        Assert.Equal("written-by-a-person", cleared.GetProperty("making").GetString());
        Assert.Empty(Warnings(cleared));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("warningNote").ValueKind);
        Assert.Equal(StoryLabelSet.None, await _app.LabelsOfAsync("The Longer War"));
    }

    [Fact]
    public async Task AReviewedCreatorsRevisionOfALiveStoryShowsTheLabelsItProposes()
    {
        var community = await _app.Data.CommunityAsync("earth", "Earth");
        using var creator = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Live Already", Folio.Tests.Writing.StoryForms.Words(150));

        var changed = await (await creator.PatchJsonAsync($"/api/v1/stories/{story.Id}", new
        {
            body = Folio.Tests.Writing.StoryForms.Words(150, "rewritten"),
            making = "ai-generated",
            warnings = new[] { "abuse" },
        })).ReadOkAsync();

        Assert.Equal("pending", changed.GetProperty("revisionStatus").GetString());
        Assert.Equal("written-by-a-person", changed.GetProperty("making").GetString());
        Assert.Equal("ai-generated", changed.GetProperty("revision").GetProperty("making").GetString());
        Assert.Equal(["abuse"], Warnings(changed.GetProperty("revision")));
        Assert.Equal(StoryLabelSet.None, await _app.LabelsOfAsync("Live Already"));
    }

    [Fact]
    public async Task AnUnknownLabelIsA400NamingTheFieldAndTheLabelsThereAre()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        using var creator = await _app.ApiClientForAsync(Persona.Trusted);
        var story = await creator.CreateStoryAsync(LabelledStory("Kept As It Was", null, new[] { "violence" }, null));
        var url = $"/api/v1/stories/{story.GetProperty("id").GetInt32()}";

        var create = await (await creator.PostJsonAsync("/api/v1/stories", LabelledStory("Never Made", "robot-dreamt", new[] { "violence", "dragons" }, null)))
            .ReadProblemAsync(400);
        var update = await (await creator.PatchJsonAsync(url, new { warnings = new[] { "gore" }, warningNote = new string('x', StoryLabels.MaxWarningNote + 1) }))
            .ReadProblemAsync(400);
        var notAList = await (await creator.PatchJsonAsync(url, new { warnings = "violence" })).ReadProblemAsync(400);

        Assert.Contains("“robot-dreamt”", Assert.Single(create.FieldErrors("making")));
        Assert.Contains("written-by-a-person, ai-assisted-editing, ai-generated", create.FieldErrors("making")[0]);
        Assert.Contains("“dragons”", Assert.Single(create.FieldErrors("warnings")));
        Assert.Contains("violence, self-harm, sexual-content, abuse, substance-use, strong-language, spoilers", create.FieldErrors("warnings")[0]);
        Assert.Contains("“gore”", Assert.Single(update.FieldErrors("warnings")));
        Assert.Contains($"{StoryLabels.MaxWarningNote} characters", Assert.Single(update.FieldErrors("warningNote")));
        Assert.Contains("warnings", notAList.GetProperty("detail").GetString());
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == "Never Made")));
        Assert.Equal(new StoryLabelSet(StoryMaking.WrittenByAPerson, ContentWarnings.Violence, null), await _app.LabelsOfAsync("Kept As It Was"));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheLabels()
    {
        using var client = _app.CreateClient();

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(await client.GetStringAsync("/openapi/v1.json"), "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var schemas = read.Document!.Components!.Schemas!;
        Assert.Equal(LabelNames.MakingChoices.Split(", "), schemas["StoryMaking"].Enum!.Select(e => e.ToString().Trim('"')));
        foreach (var schema in new[] { "StoryResponse", "StorySummary", "CreateStoryRequest", "UpdateStoryRequest" })
        {
            var properties = schemas[schema].Properties!;
            Assert.True(properties.ContainsKey("making") && properties.ContainsKey("warningNote"), schema);
            Assert.All(StoryLabels.Warnings.Select(LabelNames.Slug), slug => Assert.Contains($"\"{slug}\"", properties["warnings"].Description));
        }
    }
}
