using System.Text.Json;
using Folio.Features.Newsletters;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Newsletters;

/// <summary>Every reader's email choices leave with the site (export, import) and with the reader ("Download my data").</summary>
public sealed class EmailChoicesTransferTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Each person's choices as the database holds them, by username: default, time zone, whole stories, and each follow's own.</summary>
    private static Task<List<string>> ChoicesAsync(FolioApp site) => site.WithDbAsync<List<string>>(async db =>
    {
        var people = await db.Users.OrderBy(u => u.UserName)
            .Select(u => $"{u.UserName}: {u.NewsletterDelivery} {u.TimeZone ?? "-"} whole={u.EmailWholeStories}").ToListAsync();
        var subscriptions = await db.Subscriptions.OrderBy(s => s.Subscriber.UserName).ThenBy(s => s.Creator.UserName)
            .Select(s => new { Subscriber = s.Subscriber.UserName, Creator = s.Creator.UserName, s.Delivery }).ToListAsync();
        var follows = await db.CommunityFollows.OrderBy(f => f.User.UserName).ThenBy(f => f.Community.Slug)
            .Select(f => new { f.User.UserName, f.Community.Slug, f.Delivery }).ToListAsync();
        return
        [
            .. people,
            .. subscriptions.Select(s => $"{s.Subscriber} → {s.Creator}: {s.Delivery?.ToString() ?? "default"}"),
            .. follows.Select(f => $"{f.UserName} → /{f.Slug}: {f.Delivery?.ToString() ?? "default"}"),
        ];
    });

    [Fact]
    public async Task AnExportedSiteImportedElsewhereKeepsEveryReadersEmailChoices()
    {
        var path = Path.Combine(_files.Folder, "site.json");
        List<string> before;
        using (var source = new FolioApp())
        {
            var creator = await source.ReaderAsync("Maya Whole", u => { u.UserName = "maya"; u.NormalizedUserName = "MAYA"; u.EmailWholeStories = true; });
            var daily = await source.ReaderAsync("Dee", u => { u.UserName = "dee"; u.NormalizedUserName = "DEE"; u.NewsletterDelivery = Delivery.Daily; u.TimeZone = "Europe/Lisbon"; });
            var plain = await source.ReaderAsync("Pat", u => { u.UserName = "pat"; u.NormalizedUserName = "PAT"; });
            var rivers = await source.Data.CommunityAsync("rivers");
            var hills = await source.Data.CommunityAsync("hills");
            await source.SubscribeAsync(daily, creator, Delivery.Weekly);
            await source.SubscribeAsync(plain, creator);
            await source.FollowAsync(daily, rivers, Delivery.Never);
            await source.FollowAsync(plain, rivers, Delivery.Immediately);
            await source.FollowAsync(plain, hills);
            before = await ChoicesAsync(source);
            await using var scope = source.Services.CreateAsyncScope();
            await using var output = File.Create(path);
            await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
        }

        using var target = new FolioApp();
        var report = await ImportAsync(target, path);

        Assert.Contains("dee: Daily Europe/Lisbon whole=False", before);
        Assert.Contains("dee → maya: Weekly", before);
        Assert.Contains("pat → /hills: default", before);
        Assert.Equal(before, await ChoicesAsync(target));
        Assert.DoesNotContain(report.Notes, n => n.Item.StartsWith("person", StringComparison.Ordinal));
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var dee = file.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("username").GetString() == "dee");
        Assert.Equal("daily", dee.GetProperty("notifications").GetProperty("newStories").GetString());
    }

    [Fact]
    public async Task AnExportFromBeforeEmailChoicesImportsWithTheDefaults()
    {
        var path = _files.Write("old.json", JsonSerializer.Serialize(new
        {
            format = "folio-export",
            version = 1,
            communities = new[] { new { slug = "earth", name = "Earth", createdAt = "2024-01-01T00:00:00Z" } },
            people = new[] { OldPerson("ana"), OldPerson("ben") },
            stories = Array.Empty<object>(),
            subscriptions = new[] { new { subscriber = "ben", creator = "ana", createdAt = "2024-01-02T00:00:00Z" } },
            communityFollows = new[] { new { person = "ben", community = "earth", createdAt = "2024-01-02T00:00:00Z" } },
        }, Json));
        using var site = new FolioApp();

        var report = await ImportAsync(site, path);

        Assert.Empty(report.Skipped);
        Assert.Equal(
            ["ana: Immediately - whole=False", "ben: Immediately - whole=False", "ben → ana: default", "ben → /earth: default"],
            await ChoicesAsync(site));
    }

    [Fact]
    public async Task ChoicesThisFolioDoesNotKnowImportAsTheDefaultsWithANote()
    {
        var path = _files.Write("odd.json", JsonSerializer.Serialize(new
        {
            format = "folio-export",
            version = 1,
            communities = new[] { new { slug = "earth", name = "Earth", createdAt = "2024-01-01T00:00:00Z" } },
            people = new object[]
            {
                OldPerson("ana"),
                new { username = "ben", email = "ben@test.example", joinedAt = "2024-01-01T00:00:00Z", timeZone = "Mars/Olympus_Mons", notifications = new { newStories = "hourly" } },
            },
            stories = Array.Empty<object>(),
            subscriptions = new[] { new { subscriber = "ben", creator = "ana", createdAt = "2024-01-02T00:00:00Z", delivery = "monthly" } },
            communityFollows = new[] { new { person = "ben", community = "earth", createdAt = "2024-01-02T00:00:00Z", delivery = "weekly" } },
        }, Json));
        using var site = new FolioApp();

        var report = await ImportAsync(site, path);

        Assert.Equal(
            ["ana: Immediately - whole=False", "ben: Immediately - whole=False", "ben → ana: default", "ben → /earth: Weekly"],
            await ChoicesAsync(site));
        Assert.Equal(
            [
                "person ben: new stories by email: “hourly” is not a choice here, so they get each one at once",
                "person ben: time zone “Mars/Olympus_Mons” is not known here, so it is left unset (UTC)",
                "subscription of ben to ana: new stories by email: “monthly” is not a choice here, so it follows the person's default",
            ],
            report.Notes.Where(n => n.Item != "communities").Select(n => $"{n.Item}: {n.Text}"));
    }

    [Fact]
    public async Task DownloadMyDataHoldsMyEmailChoicesAndEachOfMyFollows()
    {
        using var app = new FolioApp();
        using var reader = await app.ClientForAsync(Persona.Reader);
        var maya = await app.Data.PersonAsync("maya-choices", "Maya Ortiz");
        var sam = await app.Data.PersonAsync("sam-choices", "Sam Lee");
        var rivers = await app.Data.CommunityAsync("rivers", "Rivers");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.NewsletterDelivery, Delivery.Weekly).SetProperty(u => u.TimeZone, "America/Argentina/Buenos_Aires")));
        await app.SubscribeAsync(reader.User!, maya, Delivery.Daily);
        await app.SubscribeAsync(reader.User!, sam);
        await app.FollowAsync(reader.User!, rivers, Delivery.Never);
        await app.SubscribeAsync(await app.Data.PersonAsync("someone-else"), sam, Delivery.Immediately);

        var text = await reader.Http.GetStringAsync("/settings/export");

        var choices = JsonDocument.Parse(text).RootElement.GetProperty("emailChoices");
        Assert.Equal("Weekly", choices.GetProperty("newStories").GetString());
        Assert.Equal("America/Argentina/Buenos_Aires", choices.GetProperty("timeZone").GetString());
        Assert.True(choices.GetProperty("emailOnReply").GetBoolean());
        Assert.Equal(
            ["Maya Ortiz /authors/maya-choices Daily", "Sam Lee /authors/sam-choices Default"],
            choices.GetProperty("creators").EnumerateArray().Select(Follow));
        Assert.Equal(["Rivers /rivers Never"], choices.GetProperty("communities").EnumerateArray().Select(Follow));

        static string Follow(JsonElement follow) =>
            $"{follow.GetProperty("name").GetString()} {follow.GetProperty("url").GetString()} {follow.GetProperty("delivery").GetString()}";
    }

    private static object OldPerson(string username) =>
        new { username, email = $"{username}@test.example", joinedAt = "2024-01-01T00:00:00Z", notifications = new { emailOnReply = true, emailOnReview = true } };

    private static async Task<ImportReport> ImportAsync(FolioApp site, string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (report, problem) = await ActivatorUtilities.CreateInstance<SiteImporter>(scope.ServiceProvider).ImportAsync(path, TransferProgress.None, CancellationToken.None);
        Assert.True(report is not null, problem);
        return report;
    }
}
