using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Features.Subscriptions;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

public sealed class MarkdownImportTests : IDisposable
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
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<MarkdownImporter>(scope.ServiceProvider);
        return await importer.ImportAsync(_files.Folder, TransferProgress.None, CancellationToken.None);
    }

    private Task<List<Story>> StoriesAsync() =>
        _app.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Tags).Include(s => s.Author).Include(s => s.Community).OrderBy(s => s.Title).ToListAsync());

    [Fact]
    public async Task StoriesArriveWithTheirFrontMatterAndKeepTheirDates()
    {
        var earth = await _app.Data.CommunityAsync("earth");
        var maya = await _app.Data.PersonAsync("maya");
        _files.Write("2023/river.md", TransferFiles.Story("""
            title: The River Remembers
            subtitle: What a flood taught a town
            community: earth
            author: maya
            tags: [Climate, Rivers]
            date: 2023-04-01
            slug: river-memory
            hero: https://images.example/river.jpg
            """, "The water rose in **April**.\n\n## After\n\nWe rebuilt."));
        _files.Write("notes/draft.md", TransferFiles.Story("""
            title: Half a Thought
            community: Earth
            author: MAYA
            tags: "Notes, Drafts"
            status: draft
            date: 2024-01-02T09:30:00+02:00
            """));

        var report = await ImportAsync();

        Assert.Equal((2, 0), (report.Imported, report.Skipped.Count));
        var stories = await StoriesAsync();
        var river = stories.Single(s => s.Title == "The River Remembers");
        Assert.Equal(("What a flood taught a town", "river-memory", "earth", "maya"), (river.Subtitle, river.Slug, river.Community.Slug, river.Author.UserName));
        Assert.Equal(StoryStatus.Published, river.Status);
        Assert.Equal(new DateTime(2023, 4, 1, 0, 0, 0, DateTimeKind.Utc), river.PublishedAt);
        Assert.Equal(["climate", "rivers"], river.Tags.Select(t => t.Slug).Order());
        Assert.Equal("https://images.example/river.jpg", river.HeroImageUrl);
        Assert.Equal("markdown:2023/river.md", river.ImportKey);
        Assert.Contains("<strong>April</strong>", river.BodyHtml);
        Assert.Contains("<h2 id=\"user-content-after\">After</h2>", river.BodyHtml);

        var draft = stories.Single(s => s.Title == "Half a Thought");
        Assert.Equal((StoryStatus.Draft, null), (draft.Status, draft.PublishedAt));
        Assert.Equal(new DateTime(2024, 1, 2, 7, 30, 0, DateTimeKind.Utc), draft.CreatedAt);
        Assert.Equal(["drafts", "notes"], draft.Tags.Select(t => t.Slug).Order());

        var page = await _app.GetPageAsync("/earth/river-memory");
        Assert.Equal("The River Remembers", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(earth.Id, river.CommunityId);
        Assert.Equal(maya.Id, river.AuthorId);
    }

    [Fact]
    public async Task ImportingAgainCreatesNothingTwice()
    {
        await _app.Data.CommunityAsync("earth");
        await _app.Data.PersonAsync("maya");
        _files.Write("a.md", TransferFiles.Story("title: Alpha\ncommunity: earth\nauthor: maya\ntags: [One]"));
        _files.Write("b.md", TransferFiles.Story("id: beta-story\ntitle: Beta\ncommunity: earth\nauthor: maya\ntags: [One]"));
        Assert.Equal(2, (await ImportAsync()).Imported);
        File.Move(Path.Combine(_files.Folder, "b.md"), Path.Combine(_files.Folder, "moved-b.md"));

        var again = await ImportAsync();

        Assert.Equal((0, 2, 0), (again.Imported, again.Unchanged, again.Skipped.Count));
        Assert.StartsWith("0 imported, 2 unchanged (already imported), 0 skipped", Report(again));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task FilesThatCannotBeStoriesAreSkippedWithTheReasonAndTheRestImport()
    {
        await _app.Data.CommunityAsync("earth");
        await _app.Data.PersonAsync("maya");
        _files.Write("good.md", TransferFiles.Story("title: Good\ncommunity: earth\nauthor: maya"));
        _files.Write("bad-yaml.md", TransferFiles.Story("title: [unclosed\ncommunity: earth"));
        _files.Write("no-front-matter.md", "# Just a heading\n");
        _files.Write("no-title.md", TransferFiles.Story("community: earth\nauthor: maya"));
        _files.Write("no-community.md", TransferFiles.Story("title: Lost\nauthor: maya"));
        _files.Write("unknown-community.md", TransferFiles.Story("title: Lost\ncommunity: mars\nauthor: maya"));
        _files.Write("unknown-author.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: nobody"));
        _files.Write("bad-date.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: maya\ndate: last tuesday"));
        _files.Write("future.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: maya\ndate: 2999-01-01"));
        _files.Write("bad-status.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: maya\nstatus: pending"));
        _files.Write("six-tags.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: maya\ntags: [a1, b2, c3, d4, e5, f6]"));
        _files.Write("long-title.md", TransferFiles.Story($"title: {new string('x', 121)}\ncommunity: earth\nauthor: maya"));
        _files.Write("empty.md", TransferFiles.Story("title: Lost\ncommunity: earth\nauthor: maya", body: ""));
        _files.Write(".hidden/secret.md", TransferFiles.Story("title: Hidden\ncommunity: earth\nauthor: maya"));
        _files.Write("notes.txt", "not markdown");

        var report = await ImportAsync();

        Assert.Equal(1, report.Imported);
        var reasons = report.Skipped.ToDictionary(s => s.Item, s => s.Text);
        Assert.Equal(12, reasons.Count);
        Assert.StartsWith("its front matter is not valid YAML (line ", reasons["bad-yaml.md"]);
        Assert.Contains("no YAML front matter", reasons["no-front-matter.md"]);
        Assert.Contains("no title", reasons["no-title.md"]);
        Assert.Contains("names no community", reasons["no-community.md"]);
        Assert.Contains("no community has the slug “mars”", reasons["unknown-community.md"]);
        Assert.Contains("no account has the username “nobody”", reasons["unknown-author.md"]);
        Assert.Contains("“last tuesday” is not a date", reasons["bad-date.md"]);
        Assert.Contains("in the future", reasons["future.md"]);
        Assert.Contains("status “pending” is not draft or published", reasons["bad-status.md"]);
        Assert.Contains("6 tags; a story has at most 5", reasons["six-tags.md"]);
        Assert.Contains("titles are at most 120", reasons["long-title.md"]);
        Assert.Contains("no text", reasons["empty.md"]);
        Assert.Contains("  unknown-author.md: no account has the username “nobody”", Report(report));
        Assert.Equal(["Good"], (await StoriesAsync()).Select(s => s.Title));
    }

    [Fact]
    public async Task ALongSubtitleIsCutAndATakenSlugGetsANumberBothNoted()
    {
        var earth = await _app.Data.CommunityAsync("earth");
        var maya = await _app.Data.PersonAsync("maya");
        await _app.Data.StoryAsync(earth, maya, "Taken");
        _files.Write("a.md", TransferFiles.Story($"title: Another\nslug: taken\nsubtitle: {string.Join(' ', Enumerable.Repeat("word", 60))}\ncommunity: earth\nauthor: maya"));

        var report = await ImportAsync();

        var story = (await StoriesAsync()).Single(s => s.Title == "Another");
        Assert.Equal("taken-2", story.Slug);
        Assert.True(story.Subtitle.Length <= 200 && story.Subtitle.EndsWith("word…"), story.Subtitle);
        Assert.Equal(["subtitle cut to 200 characters", "slug “taken” is taken in /earth; the story is at /earth/taken-2"], report.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task ImportedStoriesNotifyNobody()
    {
        await _app.Data.CommunityAsync("earth");
        var maya = await _app.Data.PersonAsync("maya");
        var reader = await _app.Data.PersonAsync();
        await _app.WithDbAsync(db =>
        {
            db.Subscriptions.Add(new Subscription { SubscriberId = reader.Id, CreatorId = maya.Id, CreatedAt = _app.Clock.UtcNow });
            return db.SaveChangesAsync();
        });
        _files.Write("a.md", TransferFiles.Story("title: Quiet\ncommunity: earth\nauthor: maya\ndate: 2020-02-02"));

        Assert.Equal(1, (await ImportAsync()).Imported);

        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<Notification>().CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.QueuedEmails.CountAsync()));
    }

    private static string Report(ImportReport report)
    {
        var output = new StringWriter();
        report.WriteTo(output);
        return output.ToString();
    }
}
