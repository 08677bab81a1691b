using System.Net;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Operations;
using Folio.Features.Webhooks;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Operations;

public sealed class CopyToPostgresTests
{
    [PostgresFact]
    public async Task ACopiedSiteServesTheSamePagesFromPostgres()
    {
        using var site = new SqliteSite();
        using var sqlite = site.App(seedDemo: true);
        var (storyUrl, author) = await AddExtraDataAsync(sqlite);
        var cookie = await SignInCookieAsync(sqlite);
        using var postgres = new PostgresDatabase();

        var report = await CopyAsync(sqlite, postgres.ConnectionString);

        Assert.True(report.Outcome.Succeeded, report.Outcome.Message + "\n" + RowCounts.Format(report.Counts, "sqlite", "postgres"));
        Assert.All(report.Counts, count => Assert.True(count.Matches, count.ToString()));
        foreach (var table in new[] { "Stories", "Comments", "StoryTags", "UserLinks", "Webhooks", "DataProtectionKeys", "AspNetUserRoles" })
        {
            Assert.True(report.Counts.Single(c => c.Table == table).Target > 0, $"{table} has rows to copy");
        }

        using var copy = new FolioApp(dataDirectory: site.DataDirectory, settings: postgres.Settings);
        copy.Clock.Now = sqlite.Clock.Now;
        foreach (var url in new[] { "/", storyUrl, "/" + storyUrl.Split('/')[1], $"/authors/{author}" })
        {
            Assert.Equal(SiteFiles.MainOf(await sqlite.GetPageAsync(url)), SiteFiles.MainOf(await copy.GetPageAsync(url)));
        }

        var (sqliteSearch, sqliteHits) = await SearchAsync(sqlite, "river");
        var (copySearch, copyHits) = await SearchAsync(copy, "river");
        Assert.Equal(sqliteSearch, copySearch);
        Assert.NotEmpty(sqliteHits);
        Assert.Equal(sqliteHits.Order(), copyHits.Order());

        Assert.Equal(await CommentKeysAsync(sqlite), await CommentKeysAsync(copy));
        Assert.Equal(["story.published", "comment.created"], await copy.WithDbAsync(async db => (await db.Webhooks.SingleAsync()).Events));
        var copiedLinks = await LinksAsync(copy, author);
        Assert.Equal(await LinksAsync(sqlite, author), copiedLinks);
        Assert.Contains("Mastodon https://mastodon.example/@writer", copiedLinks);

        using var browser = copy.CreateClient(new() { AllowAutoRedirect = false });
        using var settings = new HttpRequestMessage(HttpMethod.Get, "/settings/account") { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(settings)).StatusCode);
        var highestCommunity = await sqlite.WithDbAsync(db => db.Communities.MaxAsync(c => c.Id));
        Assert.True((await copy.Data.CommunityAsync()).Id > highestCommunity, "new rows are numbered after the copied ones");
    }

    [PostgresFact]
    public async Task CopyRefusesATargetThatAlreadyHoldsDataAndLeavesItAsItWas()
    {
        using var site = new SqliteSite();
        using var sqlite = site.App();
        await sqlite.Data.CommunityAsync("first-copy");
        using var postgres = new PostgresDatabase();
        Assert.True((await CopyAsync(sqlite, postgres.ConnectionString)).Outcome.Succeeded);
        await sqlite.Data.CommunityAsync("second-copy");

        var again = await CopyAsync(sqlite, postgres.ConnectionString);

        Assert.False(again.Outcome.Succeeded);
        Assert.Contains("already holds data", again.Outcome.Message);
        Assert.Contains("Communities: 1", again.Outcome.Message);
        await using var target = PostgresContext(postgres.ConnectionString);
        Assert.Equal(["first-copy"], await target.Communities.Select(c => c.Slug).ToListAsync());
    }

    [PostgresFact]
    public async Task TheCountCheckNamesATableWhoseRowsDiffer()
    {
        using var site = new SqliteSite();
        using var sqlite = site.App();
        await sqlite.Data.CommunityAsync("stays");
        await sqlite.Data.CommunityAsync("goes-missing");
        using var postgres = new PostgresDatabase();
        Assert.True((await CopyAsync(sqlite, postgres.ConnectionString)).Outcome.Succeeded);
        await using var target = PostgresContext(postgres.ConnectionString);
        await target.Communities.Where(c => c.Slug == "goes-missing").ExecuteDeleteAsync();

        var counts = await sqlite.WithDbAsync(async db => RowCounts.Compare(await RowCounts.CountAsync(db, default), await RowCounts.CountAsync(target, default)));

        var mismatch = Assert.Single(counts, c => !c.Matches);
        Assert.Equal(new TableCount("Communities", 2, 1), mismatch);
        Assert.Matches(@"(?m)^Communities\s+2\s+1\s+MISMATCH$", RowCounts.Format(counts, "sqlite", "postgres"));
    }

    [PostgresFact]
    public async Task CopyToCommandCopiesTheSiteAndPrintsTheCountsWithProgressOnStandardError()
    {
        using var site = new SqliteSite();
        using (var sqlite = site.App())
        {
            await sqlite.Data.StoryAsync(await sqlite.Data.CommunityAsync(), await sqlite.Data.PersonAsync(), title: "Copied by command");
        }

        using var postgres = new PostgresDatabase();
        using var folio = new FolioProcess();

        var run = await folio.RunAsync([.. site.CommandSettings, "copy-to", "--database", "postgres", "--connection", postgres.ConnectionString]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^Stories\s+1\s+1$", run.Out);
        Assert.Contains($"copied {RowsIn(run.Out)} rows", run.Out);
        Assert.Contains("Stories: 1 of 1 rows", run.Error);
        await using var target = PostgresContext(postgres.ConnectionString);
        Assert.Equal("Copied by command", (await target.Stories.SingleAsync()).Title);
    }

    private static long RowsIn(string countsTable) =>
        countsTable.Split('\n').Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length == 3 && long.TryParse(cells[2], out _)).Sum(cells => long.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<CopyReport> CopyAsync(FolioApp sqlite, string connectionString)
    {
        await using var scope = sqlite.Services.CreateAsyncScope();
        var copy = ActivatorUtilities.CreateInstance<DatabaseCopy>(scope.ServiceProvider);
        return await copy.ToPostgresAsync(scope.ServiceProvider.GetRequiredService<FolioDb>(), connectionString, CopyProgress.Lines(TextWriter.Null), default);
    }

    /// <summary>
    /// The search page around its results, and every story found over all its pages. Each engine ranks in its own way
    /// (FTS5's bm25 on SQLite, ts_rank_cd on PostgreSQL), so the same hits can come in a different order.
    /// </summary>
    private static async Task<(string Page, List<string> Hits)> SearchAsync(FolioApp app, string query)
    {
        var hits = new List<string>();
        string? frame = null;
        for (var number = 1; number <= 20; number++)
        {
            var page = await app.GetPageAsync($"/search?q={query}&page={number}");
            var found = page.QuerySelectorAll(".search-result .story-card__title a").Select(a => a.GetAttribute("href")!).ToList();
            foreach (var result in page.QuerySelectorAll(".search-result"))
            {
                result.Remove();
            }

            frame ??= SiteFiles.MainOf(page);
            if (found.Count == 0 || hits.Contains(found[0]))
            {
                break;
            }

            hits.AddRange(found);
        }

        return (frame!, hits);
    }

    private static Task<List<string>> CommentKeysAsync(FolioApp app) =>
        app.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).Select(c => c.Id + " " + c.StoryId + " " + c.ParentId).ToListAsync());

    private static Task<List<string>> LinksAsync(FolioApp app, string username) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == username).SelectMany(u => u.Links).Select(l => l.Label + " " + l.Url).ToListAsync());

    private static PostgresFolioDb PostgresContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresFolioDb>().UseNpgsql(connectionString).Options);

    /// <summary>What the demo content lacks: a reply, a webhook with events, a creator with links.</summary>
    private static async Task<(string StoryUrl, string Author)> AddExtraDataAsync(FolioApp app)
    {
        var story = await app.WithDbAsync(db => db.Stories.Include(s => s.Community).OrderBy(s => s.Id).FirstAsync(s => s.PublishedAt != null));
        var reader = await app.Data.PersonAsync();
        var comment = await app.Data.CommentAsync(story, reader, "A first thought on this.");
        await app.Data.CommentAsync(story, reader, "And a reply to it.", parent: comment);
        var author = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == story.AuthorId);
            user.Links.Add(new SocialLink { Label = "Website", Url = "https://example.org/writer" });
            user.Links.Add(new SocialLink { Label = "Mastodon", Url = "https://mastodon.example/@writer" });
            // Inactive and on a closed loopback port: nothing is ever sent anywhere.
            db.Webhooks.Add(new Webhook { Url = "http://127.0.0.1:9/hook", Secret = "secret", Events = ["story.published", "comment.created"], Active = false });
            await db.SaveChangesAsync();
            return user.UserName!;
        });
        return ($"/{story.Community.Slug}/{story.Slug}", author);
    }

    private static async Task<string> SignInCookieAsync(FolioApp app)
    {
        using var signedIn = await app.ClientForAsync(Persona.Creator);
        using var browser = app.NewBrowser();
        using var response = await browser.PostFormAsync("/signin", new() { ["Input.Login"] = signedIn.User!.UserName!, ["Input.Password"] = Personas.Password });
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
