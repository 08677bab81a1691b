using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

public sealed class GhostImportTests : IDisposable
{
    private readonly FolioApp _app = new();
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _app.Dispose();
        _files.Dispose();
    }

    private async Task<(ImportReport? Report, string? Problem)> ImportAsync(string json, string community = "journal", string? ghostUrl = null)
    {
        var path = _files.Write("ghost.json", json);
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<GhostImporter>(scope.ServiceProvider);
        return await importer.ImportAsync(path, community, ghostUrl, TransferProgress.None, CancellationToken.None);
    }

    private static string Blog(bool wrapInDb = true) => GhostExports.Json(
        posts:
        [
            GhostExports.Post("p1", "First Light", "<p>Morning <strong>came</strong>.</p><ul><li>one</li><li>two</li></ul>",
                excerpt: "A deck", featureImage: "__GHOST_URL__/content/images/hero.jpg"),
            GhostExports.Post("p2", "Unfinished", "<p>Draft text.</p>", status: "draft"),
            GhostExports.Post("p3", "About", "<p>About this blog.</p>", type: "page"),
            GhostExports.Post("p4", "Members Only", "<p>Paid words.</p>", visibility: "paid"),
            GhostExports.Post("p5", "", "<p>No title.</p>"),
            GhostExports.Post("p6", "By The Owner", "<p>From the owner.</p>", publishedAt: "2020-12-31T23:00:00.000Z"),
        ],
        users:
        [
            GhostExports.User("u1", "Jane Doe", "jane", "jane@blog.example"),
            GhostExports.User("u2", "Site Admin", "admin", "owner@blog.example"),
            GhostExports.User("u3", "Co Writer", "co", "co@blog.example"),
        ],
        tags: [("t1", "Mornings"), ("t2", "Light"), ("t3", "#internal")],
        postsTags: [("p1", "t1"), ("p1", "t2"), ("p1", "t3")],
        postsAuthors: [("p1", "u1"), ("p1", "u3"), ("p2", "u1"), ("p3", "u1"), ("p4", "u1"), ("p5", "u1"), ("p6", "u2")],
        wrapInDb: wrapInDb);

    [Fact]
    public async Task PostsBecomeStoriesWithTheirDatesTagsAndAuthors()
    {
        await _app.Data.CommunityAsync("journal");

        var (report, problem) = await ImportAsync(Blog(), ghostUrl: "https://old.blog.example/");

        Assert.Null(problem);
        Assert.Equal(4, report!.Imported);
        var stories = await _app.WithDbAsync(db => db.Stories.AsNoTracking().Include(s => s.Tags).Include(s => s.Author).ToDictionaryAsync(s => s.Title));
        var first = stories["First Light"];
        Assert.Equal((StoryStatus.Published, "first-light", "A deck", "ghost:uuid-p1"), (first.Status, first.Slug, first.Subtitle, first.ImportKey));
        Assert.Equal(new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc), first.PublishedAt);
        Assert.Equal(new DateTime(2021, 3, 1, 10, 0, 0, DateTimeKind.Utc), first.CreatedAt);
        Assert.Equal(["light", "mornings"], first.Tags.Select(t => t.Slug).Order());
        Assert.Equal("https://old.blog.example/content/images/hero.jpg", first.HeroImageUrl);
        Assert.Equal("Morning **came**.\n\n- one\n- two\n", first.BodyMarkdown);
        Assert.Contains("<strong>came</strong>", first.BodyHtml);
        Assert.Equal("jane", first.Author.UserName);
        Assert.Contains(report.Notes, n => n.Item.Contains("First Light") && n.Text.Contains("credited Jane Doe, not Co Writer"));

        Assert.Equal((StoryStatus.Draft, null), (stories["Unfinished"].Status, stories["Unfinished"].PublishedAt));
        Assert.Equal(StoryStatus.Draft, stories["Members Only"].Status);
        Assert.Contains(report.Notes, n => n.Item.Contains("Members Only") && n.Text.Contains("paid readers only"));
        Assert.Equal("admin-author", stories["By The Owner"].Author.UserName);

        var skipped = report.Skipped.ToDictionary(s => s.Item, s => s.Text);
        Assert.Contains("is a Ghost page", skipped["post “About” (about)"]);
        Assert.Contains("no title", skipped["post “” ()"]);
        var page = await _app.GetPageAsync("/journal/first-light");
        Assert.Equal("First Light", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task AuthorsBecomePasswordlessCreatorsOrTheAccountWithTheirEmail()
    {
        await _app.Data.CommunityAsync("journal");
        var existing = await _app.Data.PersonAsync("janet");
        await using (var setup = _app.Services.CreateAsyncScope())
        {
            var accounts = setup.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            await accounts.SetEmailAsync((await accounts.FindByIdAsync(existing.Id))!, "JANE@blog.example");
        }

        var (report, _) = await ImportAsync(Blog(), ghostUrl: "https://old.blog.example");

        Assert.Equal(["admin-author (Site Admin, owner@blog.example)"], report!.CreatedAccounts);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        var owner = (await users.FindByNameAsync("admin-author"))!;
        Assert.False(await users.HasPasswordAsync(owner));
        Assert.Equal(["creator", "reader"], (await users.GetRolesAsync(owner)).Order());
        Assert.Equal(("Site Admin", "Bio of Site Admin.", "https://old.blog.example/content/images/avatar.png"), (owner.DisplayName, owner.Bio, owner.AvatarUrl));
        Assert.Equal(new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc), owner.JoinedAt);
        Assert.Null(await users.FindByNameAsync("co"));
        Assert.Equal(3, await _app.WithDbAsync(db => db.Stories.CountAsync(s => s.AuthorId == existing.Id)));
    }

    [Fact]
    public async Task ImportingTheSameExportAgainCreatesNothingTwice()
    {
        await _app.Data.CommunityAsync("journal");
        var (first, _) = await ImportAsync(Blog());
        var users = await _app.WithDbAsync(db => db.Users.CountAsync());

        var (again, _) = await ImportAsync(Blog(wrapInDb: false));

        Assert.Equal((0, first!.Imported), (again!.Imported, again.Unchanged));
        Assert.Equal(["post “About” (about)", "post “” ()"], again.Skipped.Select(s => s.Item));
        Assert.Empty(again.CreatedAccounts);
        Assert.Equal(4, await _app.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(users, await _app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(2, await _app.WithDbAsync(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task WithoutTheGhostAddressImagesBecomePathsOnThisSiteAndTheReportSaysSo()
    {
        await _app.Data.CommunityAsync("journal");

        var (report, _) = await ImportAsync(Blog());

        var hero = await _app.WithDbAsync(db => db.Stories.Where(s => s.Title == "First Light").Select(s => s.HeroImageUrl).SingleAsync());
        Assert.Equal("/content/images/hero.jpg", hero);
        Assert.Contains(report!.Notes, n => n.Item == "all posts" && n.Text.Contains("--ghost-url"));
    }

    [Theory]
    [InlineData("{\"db\":[{\"data\":{\"users\":[]}}]}", "has no \"db\" → \"data\" → \"posts\" list")]
    [InlineData("{not json", "is not a Ghost JSON export")]
    public async Task AFileThatIsNotAGhostExportStopsTheImport(string json, string problem)
    {
        await _app.Data.CommunityAsync("journal");

        var (report, message) = await ImportAsync(json);

        Assert.Null(report);
        Assert.Contains(problem, message);
    }

    [Fact]
    public async Task AnUnknownCommunityStopsTheImportBeforeAnythingIsCreated()
    {
        var (report, problem) = await ImportAsync(Blog(), community: "nowhere");

        Assert.Null(report);
        Assert.Equal("No community has the slug “nowhere”. Create it with `community add` first.", problem);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("jane", "jane")]
    [InlineData("admin", "admin-author")]
    [InlineData("42", "author-42")]
    [InlineData("al", "al-author")]
    [InlineData("José Ñandú", "jose-nandu")]
    [InlineData("a-very-long-ghost-slug-that-goes-on-and-on", "a-very-long-ghost-slug-that")]
    public void UsernamesFollowTheSignUpRules(string slug, string username)
    {
        var made = GhostAuthors.UsernameFrom(new GhostUser("1", "Name", slug, "x@example.org", null, null, null, null));

        Assert.Equal(username, made);
        Assert.True(UsernameRules.IsValid(made));
    }
}
