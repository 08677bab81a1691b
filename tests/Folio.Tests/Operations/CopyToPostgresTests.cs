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
        string[] pages = ["/", storyUrl, "/" + storyUrl.Split('/')[1], $"/authors/{author}", "/search?q=river"];
        foreach (var url in pages)
        {
            if (url.StartsWith("/search", StringComparison.Ordinal))
            {
                var a = (await sqlite.GetPageAsync(url)).QuerySelectorAll(".search-result h2, .search-result h3").Select(e => e.TextContent.Trim());
                var b = (await copy.GetPageAsync(url)).QuerySelectorAll(".search-result h2, .search-result h3").Select(e => e.TextContent.Trim());
                Assert.Fail(string.Join("\n", a) + "\n----\n" + string.Join("\n", b));
            }

            Assert.Equal(MainWithoutSnippets(await sqlite.GetPageAsync(url)), MainWithoutSnippets(await copy.GetPageAsync(url)));
        }

        using var browser = copy.CreateClient(new() { AllowAutoRedirect = false });
        using var settings = new HttpRequestMessage(HttpMethod.Get, "/settings/profile") { Headers = { { "Cookie", cookie } } };
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
    public async Task CopyToCommandCopiesTheSitePrintsTheCountsAndRefusesToCopyTwice()
    {
        using var site = new SqliteSite();
        using (var sqlite = site.App())
        {
            await sqlite.Data.StoryAsync(await sqlite.Data.CommunityAsync(), await sqlite.Data.PersonAsync(), title: "Copied by command");
        }

        using var postgres = new PostgresDatabase();
        using var folio = new AdminProcess();
        string[] copyTo = [.. site.CommandSettings, "copy-to", "--database", "postgres", "--connection", postgres.ConnectionString];

        var run = await folio.RunAsync(copyTo);
        var again = await folio.RunAsync(copyTo);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^Stories\s+1\s+1$", run.Out);
        Assert.Contains("copied ", run.Out);
        Assert.Contains("Stories: 1 of 1 rows", run.Error);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds data", again.Error);
    }

    private static async Task<CopyReport> CopyAsync(FolioApp sqlite, string connectionString)
    {
        await using var scope = sqlite.Services.CreateAsyncScope();
        var copy = ActivatorUtilities.CreateInstance<DatabaseCopy>(scope.ServiceProvider);
        return await copy.ToPostgresAsync(scope.ServiceProvider.GetRequiredService<FolioDb>(), connectionString, CopyProgress.Lines(TextWriter.Null), default);
    }

    /// <summary>
    /// The page's main content; search results lose their snippets, which each engine cuts in its own way (FTS5's
    /// snippet() and PostgreSQL's ts_headline) while the hits, their order and their highlighted titles are the same.
    /// </summary>
    private static string MainWithoutSnippets(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        foreach (var snippet in page.QuerySelectorAll(".search-result__snippet"))
        {
            snippet.Remove();
        }

        return SiteFiles.MainOf(page);
    }

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
