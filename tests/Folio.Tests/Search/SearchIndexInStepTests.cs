using System.Net;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Folio.Tests.Writing;

namespace Folio.Tests.Search;

/// <summary>Every way a story goes live, changes or leaves shows in search at once.</summary>
public sealed class SearchIndexInStepTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PublishingEditingAndUnpublishingInTheEditorShowInSearch()
    {
        await _app.Data.CommunityAsync("estuary", "Estuary");
        using var trusted = await _app.ClientForAsync(Persona.Trusted);

        var draft = await trusted.Http.PostStoryAsync(StoryForms.Fields("estuary", "Mudflat Diaries", body: StoryForms.Words(120, "samphire")));
        var id = draft.StoryId();
        Assert.Empty(await _app.TitlesFoundAsync("mudflat"));

        await trusted.Http.PostStoryAsync(StoryForms.Fields("estuary", "Mudflat Diaries", body: StoryForms.Words(120, "samphire"), handler: "Publish"), id);
        Assert.Equal(["Mudflat Diaries"], await _app.TitlesFoundAsync("mudflat"));
        Assert.Equal(["Mudflat Diaries"], await _app.TitlesFoundAsync("samphire"));

        await trusted.Http.PostStoryAsync(StoryForms.Fields("estuary", "Saltmarsh Diaries", body: StoryForms.Words(120, "glasswort"), tags: "Wading Birds", handler: "Publish"), id);
        Assert.Empty(await _app.TitlesFoundAsync("mudflat"));
        Assert.Empty(await _app.TitlesFoundAsync("samphire"));
        Assert.Equal(["Saltmarsh Diaries"], await _app.TitlesFoundAsync("saltmarsh"));
        Assert.Equal(["Saltmarsh Diaries"], await _app.TitlesFoundAsync("glasswort wading"));

        var unpublished = await trusted.Http.PostFormAsync($"/stories/{id}/edit?handler=Unpublish", new(), $"/stories/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.Empty(await _app.TitlesFoundAsync("saltmarsh"));
    }

    [Fact]
    public async Task ApprovalByAModeratorPublishesIntoSearch()
    {
        await _app.Data.CommunityAsync("reviewed", "Reviewed");
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var submitted = await creator.Http.PostStoryAsync(StoryForms.Fields("reviewed", "Lichen on the Gatepost", handler: "Submit"));
        var id = submitted.StoryId();
        Assert.Empty(await _app.TitlesFoundAsync("lichen"));

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await moderator.Http.PostFormAsync($"/moderation/stories/{id}?handler=Approve", [], $"/moderation/stories/{id}");

        Assert.Equal(["Lichen on the Gatepost"], await _app.TitlesFoundAsync("lichen"));
    }

    [Fact]
    public async Task AStoryUnpublishedOnAReportLeavesSearch()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Reported Ramblings");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var reportUrl = $"/stories/{story.Id}/report";
        await reader.Http.PostFormAsync(reportUrl, [new("Reason", "Spam")], reportUrl);
        Assert.Equal(["Reported Ramblings"], await _app.TitlesFoundAsync("ramblings"));

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var reports = await moderator.Http.GetHtmlAsync("/moderation/reports");
        var unpublish = reports.QuerySelector(".report-item form[action*='Unpublish']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.PostFormAsync(unpublish, [], "/moderation/reports")).StatusCode);

        Assert.Empty(await _app.TitlesFoundAsync("ramblings"));
    }

    [Fact]
    public async Task DeletingAnAccountWithItsStoriesRemovesThemFromSearch()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.Data.StoryAsync(community, creator.User!, "Goodbye Wagtails");
        Assert.Equal(["Goodbye Wagtails"], await _app.TitlesFoundAsync("wagtails"));

        await creator.Http.PostFormAsync("/settings/data?handler=Delete",
            new() { ["Deletion.Stories"] = "Delete", ["Deletion.Password"] = Personas.Password }, "/settings/data");

        Assert.Empty(await _app.TitlesFoundAsync("wagtails"));
    }

    [Fact]
    public async Task DeletingAnAccountButKeepingStoriesSearchesThemUnderFormerMember()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator, "zebedee");
        await _app.Data.StoryAsync(community, creator.User!, "Kept Curlews");

        await creator.Http.PostFormAsync("/settings/data?handler=Delete",
            new() { ["Deletion.Stories"] = "KeepAnonymously", ["Deletion.Password"] = Personas.Password }, "/settings/data");

        Assert.Empty(await _app.TitlesFoundAsync("zebedee"));
        Assert.Equal(["Kept Curlews"], await _app.TitlesFoundAsync("curlews former member"));
    }

    [Fact]
    public async Task RenamingAnAuthorRenamesThemInSearch()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.Data.StoryAsync(community, creator.User!, "Renamed Robins");

        var fields = await creator.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "Perpetua Quillfeather";
        Assert.Equal(HttpStatusCode.Redirect, (await creator.Http.PostFormAsync("/settings", fields)).StatusCode);

        Assert.Equal(["Renamed Robins"], await _app.TitlesFoundAsync("quillfeather"));
    }
}
