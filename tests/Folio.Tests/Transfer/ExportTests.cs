using System.Text.Json;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Features.Subscriptions;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Transfer;

public sealed class ExportTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(JsonElement Root, string Text, ExportCounts Counts)> ExportAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var exporter = ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider);
        using var output = new MemoryStream();
        var counts = await exporter.ExportAsync(output, TransferProgress.None, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        return (JsonDocument.Parse(text).RootElement, text, counts);
    }

    private static JsonElement Only(JsonElement root, string array, Func<JsonElement, bool> where) =>
        root.GetProperty(array).EnumerateArray().Single(where);

    [Fact]
    public async Task TheExportHoldsEverythingNeededToRebuildTheSite()
    {
        var earth = await _app.Data.CommunityAsync("earth", "Earth");
        var maya = await _app.Data.PersonAsync("maya", "Maya Okafor");
        var ana = await _app.Data.PersonAsync("ana");
        var published = await _app.Data.StoryAsync(earth, maya, "The River", "Water **rises**.", new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), ["Rivers"]);
        await _app.Data.StoryAsync(earth, maya, "Still A Draft", status: StoryStatus.Draft);
        var comment = await _app.Data.CommentAsync(published, ana, "Lovely.");
        var reply = await _app.Data.CommentAsync(published, maya, "Thank you.", parent: comment);
        var gone = await _app.Data.CommentAsync(published, ana, "Never mind.");
        await _app.Data.InsightsAsync(published, ana, InsightQuality.EyeOpening);
        await _app.Data.HeartAsync(published, ana);
        await _app.WithDbAsync(async db =>
        {
            db.ReaderImpressions.Add(new ReaderImpression { StoryId = published.Id, ReaderId = ana.Id, Impression = Impression.NiceWork, GivenAt = _app.Clock.UtcNow });
            db.Subscriptions.Add(new Subscription { SubscriberId = ana.Id, CreatorId = maya.Id, CreatedAt = _app.Clock.UtcNow });
            db.CommunityFollows.Add(new CommunityFollow { UserId = ana.Id, CommunityId = earth.Id, CreatedAt = _app.Clock.UtcNow });
            (await db.Comments.FindAsync(gone.Id))!.Delete(_app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            await users.AddToRolesAsync((await users.FindByNameAsync("maya"))!, [Roles.Reader, Roles.Creator]);
        }

        var (root, _, counts) = await ExportAsync();

        Assert.Equal(("folio-export", 1), (root.GetProperty("format").GetString(), root.GetProperty("version").GetInt32()));
        Assert.Equal(new ExportCounts(1, 2, 2, 3, 1, 1, 1, 1, 1), counts);
        var community = Only(root, "communities", c => c.GetProperty("slug").GetString() == "earth");
        Assert.Equal(("Earth", "Description of earth.", "#2f6b45", 100),
            (community.GetProperty("name").GetString(), community.GetProperty("description").GetString(),
             community.GetProperty("accentColor").GetString(), community.GetProperty("minimumWords").GetInt32()));

        var person = Only(root, "people", p => p.GetProperty("username").GetString() == "maya");
        Assert.Equal(("maya@test.example", "Maya Okafor", "Writes things.", "/demo/avatars/maya.svg"),
            (person.GetProperty("email").GetString(), person.GetProperty("displayName").GetString(),
             person.GetProperty("bio").GetString(), person.GetProperty("avatarUrl").GetString()));
        Assert.Equal(["creator", "reader"], person.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(person.GetProperty("notifications").GetProperty("emailOnReply").GetBoolean());

        var story = Only(root, "stories", s => s.GetProperty("title").GetString() == "The River");
        Assert.Equal(("earth", "maya", "published", "the-river", "Water **rises**."),
            (story.GetProperty("community").GetString(), story.GetProperty("author").GetString(), story.GetProperty("status").GetString(),
             story.GetProperty("slug").GetString(), story.GetProperty("markdown").GetString()));
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), story.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(["rivers"], story.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("draft", Only(root, "stories", s => s.GetProperty("title").GetString() == "Still A Draft").GetProperty("status").GetString());

        var replyJson = Only(root, "comments", c => c.GetProperty("id").GetInt32() == reply.Id);
        Assert.Equal((comment.Id, published.Id, "maya"), (replyJson.GetProperty("parent").GetInt32(), replyJson.GetProperty("story").GetInt32(), replyJson.GetProperty("author").GetString()));
        var tombstone = Only(root, "comments", c => c.GetProperty("id").GetInt32() == gone.Id);
        Assert.Equal((JsonValueKind.String, ""), (tombstone.GetProperty("deletedAt").ValueKind, tombstone.GetProperty("body").GetString()));

        Assert.Equal("eye-opening", root.GetProperty("insights")[0].GetProperty("quality").GetString());
        Assert.Equal("nice-work", root.GetProperty("impressions")[0].GetProperty("impression").GetString());
        Assert.Equal("ana", root.GetProperty("hearts")[0].GetProperty("reader").GetString());
        Assert.Equal(("ana", "maya"), (root.GetProperty("subscriptions")[0].GetProperty("subscriber").GetString(), root.GetProperty("subscriptions")[0].GetProperty("creator").GetString()));
        Assert.Equal("earth", root.GetProperty("communityFollows")[0].GetProperty("community").GetString());
    }

    [Fact]
    public async Task TheExportHoldsNoPasswordHashStampOrToken()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            Assert.True((await users.CreateAsync(new FolioUser { UserName = "maya", Email = "maya@x.example", DisplayName = "Maya" }, Personas.Password)).Succeeded);
        }

        using var api = await _app.ApiClientForAsync(Persona.Creator);
        var secrets = await _app.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.PasswordHash != null)
            .Select(u => new[] { u.PasswordHash!, u.SecurityStamp!, u.ConcurrencyStamp! }).ToList()));

        var (_, text, _) = await ExportAsync();

        Assert.NotEmpty(secrets);
        foreach (var secret in secrets.SelectMany(s => s))
        {
            Assert.DoesNotContain(secret, text);
        }

        Assert.DoesNotContain(api.Token!, text);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
    }
}
