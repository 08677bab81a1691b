using System.Net;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

public sealed class EditorLabelTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static List<KeyValuePair<string, string>> Form(string community, string title, params (string Name, string Value)[] labels) =>
    [
        .. StoryForms.Fields(community, title).Where(f => f.Key != "__handler"),
        .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)),
    ];

    private static Task<HttpResponseMessage> PostAsync(SignedInClient author, List<KeyValuePair<string, string>> form, string handler, int? id = null)
    {
        var editor = id is null ? "/write" : $"/stories/{id}/edit";
        return author.Http.PostFormAsync($"{editor}?handler={handler}", form, editor);
    }

    private Task<Story> StoredAsync(int id) =>
        _app.WithDbAsync(db => db.Stories.Include(s => s.Revision).FirstAsync(s => s.Id == id));

    [Fact]
    public async Task TheAuthorDeclaresHowTheStoryWasMadeAndItsWarnings()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);

        var saved = await PostAsync(author, Form(community.Slug, "Labelled Draft",
            ("Input.Making", "ai-assisted-editing"), ("Input.Warnings", "violence"), ("Input.Warnings", "spoilers"), ("Input.WarningNote", "  A storm at sea  ")), "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var story = await StoredAsync(saved.StoryId());
        Assert.Equal(new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.Violence | ContentWarnings.Spoilers, "A storm at sea"), story.Labels);

        var editor = await author.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.NotNull(editor.QuerySelector("#editor-making-ai-assisted-editing[checked]"));
        Assert.Equal(["violence", "spoilers"], editor.QuerySelectorAll("input[name='Input.Warnings'][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("A storm at sea", editor.QuerySelector("input[name='Input.WarningNote']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ANewStoryIsWrittenByAPersonUntilTheAuthorSaysOtherwise()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);

        var editor = await author.Http.GetHtmlAsync("/write");
        Assert.NotNull(editor.QuerySelector("#editor-making-written-by-a-person[checked]"));
        Assert.Empty(editor.QuerySelectorAll("input[name='Input.Warnings'][checked]"));

        var saved = await PostAsync(author, Form(community.Slug, "Plain Draft"), "Save");
        Assert.Equal(StoryLabelSet.None, (await StoredAsync(saved.StoryId())).Labels);
    }

    [Fact]
    public async Task AutosaveKeepsTheDraftsLabelsUnderTheFullSavesRules()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        var id = (await PostAsync(author, Form(community.Slug, "Autosaved Labels"), "Save")).StoryId();

        var saved = await author.Http.PostAutosaveAsync(id, new
        {
            title = "Autosaved Labels", body = "Typed a moment ago", making = "ai-generated", warnings = new[] { "abuse", "strong-language" }, warningNote = "  Shouting  ",
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(new StoryLabelSet(StoryMaking.AiGenerated, ContentWarnings.Abuse | ContentWarnings.StrongLanguage, "Shouting"), (await StoredAsync(id)).Labels);
        var editor = await author.Http.GetHtmlAsync($"/stories/{id}/edit");
        Assert.NotNull(editor.QuerySelector("#editor-making-ai-generated[checked]"));
        Assert.Equal(["abuse", "strong-language"], editor.QuerySelectorAll("input[name='Input.Warnings'][checked]").Select(i => i.GetAttribute("value")));

        var unknown = await author.Http.PostAutosaveAsync(id, new { title = "Autosaved Labels", body = "x", making = "by-a-robot", warnings = new[] { "gore" }, warningNote = new string('n', StoryLabels.MaxWarningNote + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("“by-a-robot” isn’t a way a story is made", problem.GetProperty("making")[0].GetString());
        Assert.Contains("“gore” isn’t a content warning", problem.GetProperty("warnings")[0].GetString());
        Assert.Contains($"Keep the warning to {StoryLabels.MaxWarningNote} characters", problem.GetProperty("warningNote")[0].GetString());
        Assert.Equal("Typed a moment ago", (await StoredAsync(id)).BodyMarkdown);

        // A page from before labels were autosaved sends none: the story keeps its own.
        Assert.Equal(HttpStatusCode.OK, (await author.Http.PostAutosaveAsync(id, new { title = "Autosaved Labels", body = "Older page" })).StatusCode);
        Assert.Equal(StoryMaking.AiGenerated, (await StoredAsync(id)).Making);
    }

    [Fact]
    public async Task UnknownLabelsAndALongNoteComeBackWithWhatWasTyped()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        var note = new string('w', StoryLabels.MaxWarningNote + 1);

        var refused = await PostAsync(author, Form(community.Slug, "Bad Labels",
            ("Input.Making", "robot"), ("Input.Warnings", "abuse"), ("Input.Warnings", "gore"), ("Input.WarningNote", note)), "Save");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.ReadHtmlAsync();
        Assert.Contains("“robot” isn’t a way a story is made", form.QuerySelector("[data-valmsg-for='Input.Making']")?.TextContent);
        Assert.Contains("“gore” isn’t a content warning", form.QuerySelector("[data-valmsg-for='Input.Warnings']")?.TextContent);
        Assert.Contains("Keep the warning to 200 characters", form.QuerySelector("[data-valmsg-for='Input.WarningNote']")?.TextContent);
        Assert.Equal(note, form.QuerySelector("input[name='Input.WarningNote']")?.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#editor-warning-abuse[checked]"));
        Assert.Equal("Bad Labels", form.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Stories.AnyAsync(s => s.Title == "Bad Labels")));
    }

    [Fact]
    public async Task APublishedStoryMayWarnMoreAtOnceButTakingALabelAwayWaitsForReview()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, "Live Labels", StoryForms.Words(150));
        List<KeyValuePair<string, string>> form =
            [.. StoryForms.Fields(community.Slug, "Live Labels", subtitle: "The subtitle of Live Labels", tags: "").Where(f => f.Key != "__handler")];

        var warned = await PostAsync(author, [.. form, new("Input.Warnings", "strong-language")], "Save", story.Id);
        Assert.Equal(HttpStatusCode.Redirect, warned.StatusCode);
        var live = await StoredAsync(story.Id);
        Assert.Equal(ContentWarnings.StrongLanguage, live.Warnings);
        Assert.Null(live.Revision);

        var unwarned = await PostAsync(author, form, "Save", story.Id);
        Assert.Equal(HttpStatusCode.Redirect, unwarned.StatusCode);
        var waiting = await StoredAsync(story.Id);
        Assert.Equal(ContentWarnings.StrongLanguage, waiting.Warnings);
        Assert.Equal(ContentWarnings.None, waiting.Revision?.Warnings);

        var editor = await author.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Empty(editor.QuerySelectorAll("input[name='Input.Warnings'][checked]"));

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var review = await moderator.Http.GetHtmlAsync($"/moderation/stories/{story.Id}");
        Assert.Contains("Strong language", review.QuerySelector("[data-label-changes]")?.TextContent);
        await moderator.Http.PostFormAsync($"/moderation/stories/{story.Id}?handler=Approve", [], $"/moderation/stories/{story.Id}");
        Assert.Equal(ContentWarnings.None, (await StoredAsync(story.Id)).Warnings);
    }
}
