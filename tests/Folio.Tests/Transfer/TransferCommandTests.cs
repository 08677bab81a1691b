using System.Text.Json;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Transfer;

/// <summary>The commands as an operator runs them: the report on standard output, problems on standard error.</summary>
public sealed class TransferCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _folio.Dispose();
        _files.Dispose();
    }

    private async Task SetUpAsync()
    {
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        await app.Data.CommunityAsync("earth", "Earth");
        await app.Data.PersonAsync("maya", "Maya Okafor");
    }

    [Fact]
    public async Task ImportMarkdownReportsWhatItDidAndImportsNothingTwice()
    {
        await SetUpAsync();
        _files.Write("posts/river.md", TransferFiles.Story("title: The River\ncommunity: earth\nauthor: maya\ntags: [Rivers]\ndate: 2022-06-01"));
        _files.Write("posts/lost.md", TransferFiles.Story("title: Lost\ncommunity: mars\nauthor: maya"));

        var first = await _folio.RunAsync("import", "markdown", _files.Folder);
        var second = await _folio.RunAsync("import", "markdown", _files.Folder);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("", first.Error);
        Assert.Equal(
            "1 imported, 0 unchanged (already imported), 1 skipped\nskipped:\n  posts/lost.md: no community has the slug “mars” (create it with `community add`)",
            first.Out.TrimEnd().ReplaceLineEndings("\n"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.StartsWith("0 imported, 1 unchanged (already imported), 1 skipped", second.Out);
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        Assert.Equal(1, await app.WithDbAsync(db => db.Stories.CountAsync()));
        var page = await app.GetPageAsync("/earth/the-river");
        Assert.Equal("The River", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("2022-06-01T00:00:00Z", page.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
    }

    [Fact]
    public async Task ImportGhostNeedsAnExistingCommunityAndThenImportsThePosts()
    {
        await SetUpAsync();
        var export = _files.Write("ghost.json", GhostExports.Json(
            [GhostExports.Post("p1", "Hello Ghost", "<p>From <em>Ghost</em>.</p>"), GhostExports.Post("p2", "About", "<p>Page</p>", type: "page")],
            [GhostExports.User("u1", "Jane Doe", "jane", "jane@blog.example")], [("t1", "News")], [("p1", "t1")], [("p1", "u1"), ("p2", "u1")]));

        var wrongCommunity = await _folio.RunAsync("import", "ghost", export, "--community", "mars");
        var run = await _folio.RunAsync("import", "ghost", export, "--community", "earth", "--ghost-url", "https://old.example");

        Assert.Equal(1, wrongCommunity.ExitCode);
        Assert.Equal("", wrongCommunity.Out);
        Assert.Contains("No community has the slug “mars”", wrongCommunity.Error);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "1 imported, 0 unchanged (already imported), 1 skipped\n"
            + "created accounts (no password: they sign in after “Forgot password”):\n  jane (Jane Doe, jane@blog.example)\n"
            + "skipped:\n  post “About” (about): it is a Ghost page, not a post; Folio imports posts only",
            run.Out.TrimEnd().ReplaceLineEndings("\n"));
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var page = await app.GetPageAsync("/earth/hello-ghost");
        Assert.Equal("Ghost", page.QuerySelector("article em, .story-body em, em")?.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/tags/news']"));
    }

    [Fact]
    public async Task ExportWritesTheFileAndRefusesToOverwriteItWithoutForce()
    {
        await SetUpAsync();
        var file = Path.Combine(_files.Folder, "site.json");

        var run = await _folio.RunAsync("export", file);
        var again = await _folio.RunAsync("export", file);
        var forced = await _folio.RunAsync("export", file, "--force");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"exported 1 community, 1 person, 0 stories, 0 comments, 0 insights, 0 impressions, 0 hearts, 0 saved stories, 0 subscriptions, 0 community follows, 0 audit log entries, 0 remote followers, 0 remote actors, 0 challenges, 0 challenge entries, 0 series to {file}",
            run.Out.TrimEnd());
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Contains("exists. Choose another file, or add --force", again.Error);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("folio-export", json.RootElement.GetProperty("format").GetString());
        Assert.Equal("maya", json.RootElement.GetProperty("people")[0].GetProperty("username").GetString());
        Assert.False(File.Exists(file + ".partial"));
    }
}
