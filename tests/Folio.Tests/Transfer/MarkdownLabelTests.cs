using Folio.Features.Labels;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

/// <summary>A Markdown file's front matter declares its story's labels: `made`, `warnings` and `warning_note`.</summary>
public sealed class MarkdownLabelTests : IDisposable
{
    private readonly FolioApp _app = new();
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _app.Dispose();
        _files.Dispose();
    }

    private async Task<ImportReport> ImportAsync()
    {
        await _app.Data.CommunityAsync("earth");
        await _app.Data.PersonAsync("maya");
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(scope.ServiceProvider);
        return await importer.ImportAsync(_files.Folder, TransferProgress.None, CancellationToken.None);
    }

    [Fact]
    public async Task FrontMatterSetsHowTheStoryWasMadeAndItsWarnings()
    {
        _files.Write("war.md", TransferFiles.Story("""
            title: The Long War
            community: earth
            author: maya
            made: ai-assisted-editing
            warnings: [violence, spoilers]
            warning_note: The ending of part one.
            """));
        _files.Write("garden.md", TransferFiles.Story("""
            title: A Quiet Garden
            community: earth
            author: maya
            warnings: "Strong language, self-harm"
            """));
        _files.Write("plain.md", TransferFiles.Story("""
            title: Nothing To Declare
            community: earth
            author: maya
            """));

        var report = await ImportAsync();

        Assert.Equal((3, 0), (report.Imported, report.Skipped.Count));
        Assert.Equal(new StoryLabelSet(StoryMaking.AiAssistedEditing, ContentWarnings.Violence | ContentWarnings.Spoilers, "The ending of part one."),
            await _app.LabelsOfAsync("The Long War"));
        Assert.Equal(new StoryLabelSet(StoryMaking.WrittenByAPerson, ContentWarnings.StrongLanguage | ContentWarnings.SelfHarm, null),
            await _app.LabelsOfAsync("A Quiet Garden"));
        Assert.Equal(StoryLabelSet.None, await _app.LabelsOfAsync("Nothing To Declare"));
    }

    [Fact]
    public async Task AnUnknownLabelSkipsTheFileAndTheReportNamesTheLabelsThereAre()
    {
        _files.Write("robot.md", TransferFiles.Story("""
            title: Dreamt By A Robot
            community: earth
            author: maya
            made: robot-dreamt
            """));
        _files.Write("dragons.md", TransferFiles.Story("""
            title: Here Be Dragons
            community: earth
            author: maya
            warnings: [violence, dragons]
            """));
        _files.Write("long.md", TransferFiles.Story($"""
            title: Too Much To Say
            community: earth
            author: maya
            warning_note: {new string('x', StoryLabels.MaxWarningNote + 1)}
            """));
        _files.Write("fine.md", TransferFiles.Story("""
            title: Fine
            community: earth
            author: maya
            made: ai-generated
            """));

        var report = await ImportAsync();

        Assert.Equal((1, 3), (report.Imported, report.Skipped.Count));
        var skipped = report.Skipped.ToDictionary(s => s.Item, s => s.Text);
        Assert.Contains("`made`", skipped["robot.md"]);
        Assert.Contains("“robot-dreamt”", skipped["robot.md"]);
        Assert.Contains("written-by-a-person, ai-assisted-editing, ai-generated", skipped["robot.md"]);
        Assert.Contains("`warnings`", skipped["dragons.md"]);
        Assert.Contains("“dragons”", skipped["dragons.md"]);
        Assert.Contains("violence, self-harm, sexual-content, abuse, substance-use, strong-language, spoilers", skipped["dragons.md"]);
        Assert.Contains("`warning_note`", skipped["long.md"]);
        Assert.Equal(["Fine"], await _app.WithDbAsync(db => db.Stories.Select(s => s.Title).ToListAsync()));
        Assert.Equal(StoryMaking.AiGenerated, (await _app.LabelsOfAsync("Fine")).Making);
    }
}
