using System.Text.Json;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

/// <summary>`import folio` at size: stories saved a batch at a time, people created in bulk, the file read as a stream.</summary>
public sealed class SiteImportBatchTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static object Person(string username, string? email) =>
        new { username, email, joinedAt = "2024-01-01T00:00:00Z", displayName = username.ToUpperInvariant(), roles = new[] { "reader", "creator" } };

    private static object Story(int id, string community, string author, string slug, string word) => new
    {
        id, community, author, slug, importKey = $"test:{id}", title = $"Story {id}", status = "published", createdAt = "2024-02-01T00:00:00Z",
        updatedAt = "2024-02-01T00:00:00Z", publishedAt = "2024-02-01T00:00:00Z", tags = new[] { $"tag-{id % 7}", "shared" },
        markdown = $"A story about the {word}, told in **Markdown** for a test of imports at size.",
    };

    private string Export(object[] people, object[] stories, object[]? comments = null) => _files.Write("site.json", JsonSerializer.Serialize(new
    {
        format = "folio-export",
        version = 1,
        communities = new[] { new { slug = "earth", name = "Earth", createdAt = "2024-01-01T00:00:00Z" } },
        people,
        tags = new[] { new { slug = "shared", name = "Shared" } },
        stories,
        comments = comments ?? [],
    }, Json));

    private static async Task<(ImportReport? Report, string? Problem)> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
    }

    [Fact]
    public async Task StoriesOverSeveralBatchesArriveOnceWithTheirCommentsAndAreFoundBySearch()
    {
        using var site = new FolioApp();
        var stories = Enumerable.Range(1, 450).Select(i => Story(i, "earth", i % 2 == 0 ? "ana" : "ben", i == 2 ? "story-1" : $"story-{i}", i == 300 ? "zebrafinch" : "river")).ToArray();
        var comments = new object[] { new { id = 1, story = 300, author = "ana", createdAt = "2024-03-01T00:00:00Z", body = "Lovely." } };
        var path = Export([Person("ana", "ana@test.example"), Person("ben", "ben@test.example")], stories, comments);

        var (first, _) = await ImportAsync(site, path);
        var (second, _) = await ImportAsync(site, path);

        Assert.Equal((450, 0, 0), (first!.Imported, first.Unchanged, first.Skipped.Count));
        Assert.Contains(first.Notes, n => n.Text.Contains("/earth/story-1-2"));
        Assert.Equal((0, 450), (second!.Imported, second.Unchanged));
        Assert.Equal(450, await site.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(8, await site.WithDbAsync(db => db.Tags.CountAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.Comments.CountAsync(c => c.Story.Title == "Story 300")));
        var search = await site.GetPageAsync("/search?q=zebrafinch");
        Assert.Contains("Story 300", search.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task EachStoryGetsBackItsOwnCommentsFromWhereverTheyAreInALargeFile()
    {
        using var site = new FolioApp();
        var stories = Enumerable.Range(1, 3).Select(i => Story(i, "earth", "ana", $"story-{i}", "river")).ToArray();
        // Comments of the three stories interleaved, each long and with multi-byte letters, so that the file runs to
        // hundreds of kilobytes and a story's comments sit on either side of the reader's buffer refills.
        var comments = Enumerable.Range(1, 600).Select(id => (object)new
        {
            id, story = id % 3 + 1, author = "ben", createdAt = "2024-03-01T00:00:00Z", parent = id > 3 ? id - 3 : (int?)null,
            body = CommentBody(id),
        }).ToArray();
        var path = Export([Person("ana", "ana@test.example"), Person("ben", "ben@test.example")], stories, comments);

        var (report, problem) = await ImportAsync(site, path);

        Assert.True(new FileInfo(path).Length > 400_000, "the file should be larger than several of the reader's buffers");
        Assert.Null(problem);
        Assert.Equal(3, report!.Imported);
        var imported = await site.WithDbAsync(db => db.Comments
            .Select(c => new { Story = c.Story.Slug, c.Body, Parent = c.Parent == null ? null : c.Parent.Body })
            .ToListAsync());
        Assert.Equal(600, imported.Count);
        Assert.All(imported, c =>
        {
            var id = NumberOf(c.Body);
            Assert.Equal($"story-{id % 3 + 1}", c.Story);
            Assert.Equal(CommentBody(id), c.Body);
            Assert.Equal(id > 3 ? id - 3 : (int?)null, c.Parent is null ? null : NumberOf(c.Parent));
        });

        static string CommentBody(int id) => $"Comment {id}: " + string.Concat(Enumerable.Repeat("naïve café déjà vu — ", 40)).TrimEnd();
        static int NumberOf(string comment) => int.Parse(comment["Comment ".Length..comment.IndexOf(':')]);
    }

    [Fact]
    public async Task PeopleCreatedInBulkSetAPasswordAndSignInLikeAnyone()
    {
        using var site = new FolioApp();
        var (report, _) = await ImportAsync(site, Export([Person("ana", "Ana@Test.Example")], []));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            var ana = await users.FindByEmailAsync("ana@test.example");
            Assert.NotNull(ana);
            Assert.Same(ana, await users.FindByNameAsync("ANA"));
            Assert.True(await users.IsInRoleAsync(ana, Roles.Creator));
            Assert.False(await users.HasPasswordAsync(ana));
            var reset = await users.ResetPasswordAsync(ana, await users.GeneratePasswordResetTokenAsync(ana), "a long enough password");
            Assert.True(reset.Succeeded);
            var sameName = await users.CreateAsync(new FolioUser { UserName = "Ana", Email = "other@test.example" }, "another long password");
            Assert.Contains(sameName.Errors, e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
        }

        Assert.Equal(["ana (ANA)"], report!.CreatedAccounts);
        await site.NewBrowser().SignInAsync("ana", "a long enough password");
    }

    [Fact]
    public async Task PeopleTheAccountRulesRefuseAreSkippedWithTheReason()
    {
        using var site = new FolioApp();
        var path = Export([Person("ana", "ana@test.example"), Person("no spaces", "spaces@test.example"), Person("ben", "not-an-email"), Person("ANA", "ana2@test.example")], []);

        var (report, _) = await ImportAsync(site, path);

        Assert.Equal(["no spaces", "ben", "ANA"], report!.Skipped.Select(s => s.Item.Replace("person ", "")));
        Assert.Contains("another account here has that username", report.Skipped[2].Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@test.example") && u.UserName!.Length == 3)));
    }

    [Theory]
    [InlineData("{\"format\":\"folio-export\",\"version\":1,\"communities\":[{\"slug\":\"earth\",\"name\":\"Earth\",\"createdAt\":\"2024-01-01T00:00:00Z\"}],\"stories\":[{\"id\":1}]}", "is not a Folio export")]
    [InlineData("{\"format\":\"folio-export\",\"version\":1,\"communities\":[{\"slug\":\"earth\",\"name\":\"Earth\",\"createdAt\":\"2024-01-01T00:00:00Z\"}],\"stories\":[", "is not a Folio export")]
    public async Task ABrokenFileIsRefusedBeforeAnythingIsImported(string json, string problem)
    {
        using var site = new FolioApp();
        var path = _files.Write("broken.json", json);

        var (report, message) = await ImportAsync(site, path);

        Assert.Null(report);
        Assert.Contains(problem, message);
        Assert.False(await site.WithDbAsync(db => db.Communities.AnyAsync(c => c.Slug == "earth")));
    }
}
