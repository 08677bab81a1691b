using System.Text.Json;
using Folio.Features.Labels;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

/// <summary>Story labels leave in the site and account exports and come back with `import folio` and Markdown front matter.</summary>
public sealed class LabelTransferTests : IDisposable
{
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> ExportAsync(FolioApp site)
    {
        var path = Path.Combine(_files.Folder, $"site-{Guid.NewGuid():N}.json");
        await using var scope = site.Services.CreateAsyncScope();
        await using var output = File.Create(path);
        await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
        return path;
    }

    private static async Task<ImportReport> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
        Assert.True(report is not null, problem);
        return report;
    }

    private static async Task<FolioApp> SiteWithLabelledStoriesAsync()
    {
        var site = new FolioApp();
        var earth = await site.Data.CommunityAsync("earth", "Earth");
        var maya = await site.Data.PersonAsync("maya", "Maya Okafor");
        var war = await site.Data.StoryAsync(earth, maya, "The Long War");
        await site.Data.StoryAsync(earth, maya, "A Quiet Garden");
        await site.LabelAsync(war, StoryMaking.AiAssistedEditing, ContentWarnings.Violence | ContentWarnings.Spoilers, "The ending of part one.");
        return site;
    }

    [Fact]
    public async Task TheSiteExportCarriesLabelsAsSlugsAndImportRestoresThem()
    {
        string path;
        using (var source = await SiteWithLabelledStoriesAsync())
        {
            path = await ExportAsync(source);
        }

        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var exported = export.RootElement.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "The Long War");
        Assert.Equal("ai-assisted-editing", exported.GetProperty("making").GetString());
        Assert.Equal(["violence", "spoilers"], exported.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("The ending of part one.", exported.GetProperty("warningNote").GetString());

        using var target = new FolioApp();
        var report = await ImportAsync(target, path);

        Assert.Equal((2, 0), (report.Imported, report.Skipped.Count));
        Assert.Equal(new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.Violence | ContentWarnings.Spoilers, "The ending of part one."),
            await target.LabelsOfAsync("The Long War"));
        Assert.Equal(StoryLabelSet.None, await target.LabelsOfAsync("A Quiet Garden"));
    }

    [Fact]
    public async Task ALabelThisFolioDoesNotKnowIsLeftOutAndNotedWhileTheStoryArrives()
    {
        string path;
        using (var source = await SiteWithLabelledStoriesAsync())
        {
            path = await ExportAsync(source);
        }

        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("\"ai-assisted-editing\"", "\"robot-dreamt\"").Replace("\"violence\"", "\"dragons\""));
        using var target = new FolioApp();

        var report = await ImportAsync(target, path);

        Assert.Equal((2, 0), (report.Imported, report.Skipped.Count));
        Assert.Contains(report.Notes, n => n.Text.Contains("“robot-dreamt”") && n.Text.Contains("ai-generated"));
        Assert.Contains(report.Notes, n => n.Text.Contains("“dragons”") && n.Text.Contains("self-harm"));
        Assert.Equal(new StoryLabelSet(StoryMaking.WrittenByAPerson, ContentWarnings.Spoilers, "The ending of part one."), await target.LabelsOfAsync("The Long War"));
    }

    [Fact]
    public async Task AnExportMadeBeforeLabelsImportsWithNone()
    {
        string path;
        using (var source = await SiteWithLabelledStoriesAsync())
        {
            path = await ExportAsync(source);
        }

        var old = JsonNode(await File.ReadAllTextAsync(path));
        foreach (var story in old["stories"]!.AsArray())
        {
            story!.AsObject().Remove("making");
            story.AsObject().Remove("warnings");
            story.AsObject().Remove("warningNote");
        }

        await File.WriteAllTextAsync(path, old.ToJsonString());
        using var target = new FolioApp();

        var report = await ImportAsync(target, path);

        Assert.Equal((2, 0), (report.Imported, report.Skipped.Count));
        Assert.DoesNotContain(report.Notes, n => n.Text.Contains("left out"));
        Assert.Equal(StoryLabelSet.None, await target.LabelsOfAsync("The Long War"));
    }

    [Fact]
    public async Task TheAccountExportCarriesTheCreatorsLabels()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync();
        using var creator = await app.ClientForAsync(Persona.Creator);
        var story = await app.Data.StoryAsync(community, creator.User!, "The Heron at Dawn");
        await app.LabelAsync(story, StoryMaking.AiGenerated, ContentWarnings.SelfHarm, "Mentions of grief.");

        using var json = JsonDocument.Parse(await creator.Http.GetStringAsync("/settings/export"));

        var exported = json.RootElement.GetProperty("stories")[0];
        Assert.Equal("ai-generated", exported.GetProperty("making").GetString());
        Assert.Equal(["self-harm"], exported.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("Mentions of grief.", exported.GetProperty("warningNote").GetString());
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;
}
