using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Newsletters;

public sealed class NewStoryFanOutScaleTests
{
    [Fact]
    public async Task ThousandsOfReadersAreEachToldOnceAcrossManyPages()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Announcements:FanOutBatchSize"] = "500" });
        await app.PauseNewslettersAsync();
        var community = await app.Data.CommunityAsync(name: "Rivers");
        var creator = await app.ReaderAsync("Maya Ortiz");

        // 3,000 readers who follow the community; the 300 whose number ends in 0 subscribe to the creator as well.
        await app.WithDbAsync(async db =>
        {
            db.Users.AddRange(Enumerable.Range(0, 3000).Select(i => new FolioUser
            {
                UserName = $"bulk{i}",
                NormalizedUserName = $"BULK{i}",
                Email = $"bulk{i}@test.example",
                NormalizedEmail = $"BULK{i}@TEST.EXAMPLE",
                EmailConfirmed = true,
                DisplayName = $"Reader {i}",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                JoinedAt = app.Clock.UtcNow,
            }));
            await db.SaveChangesAsync();
            var now = app.Clock.UtcNow;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "CommunityFollows" ("UserId", "CommunityId", "CreatedAt")
                SELECT "Id", {community.Id}, {now} FROM "AspNetUsers" WHERE "UserName" LIKE 'bulk%'
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Subscriptions" ("SubscriberId", "CreatorId", "CreatedAt")
                SELECT "Id", {creator.Id}, {now} FROM "AspNetUsers" WHERE "UserName" LIKE 'bulk%0'
                """);
        });
        var story = await app.Data.StoryAsync(community, creator, "Everyone Hears", status: StoryStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            (await db.Stories.SingleAsync(s => s.Id == story.Id)).Publish(app.Clock.UtcNow);
            db.StoryAnnouncements.Add(new StoryAnnouncement { StoryId = story.Id, SiteOrigin = "https://folio.example", CreatedAt = app.Clock.UtcNow, NextAttemptAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });

        var worker = app.Services.GetRequiredService<AnnouncementWorker>();
        Assert.Equal(1, await worker.ProcessDueAsync(CancellationToken.None));

        var emails = await app.WithDbAsync(db => db.QueuedEmails.Where(e => e.StoryId == story.Id && e.Kind == EmailKind.NewStory)
            .GroupBy(e => e.ContentId).Select(g => new { Count = g.Count(), People = g.Select(e => e.RecipientId).Distinct().Count() }).ToListAsync());
        Assert.Equal([300, 2700], emails.Select(e => e.Count).Order().ToList());
        Assert.All(emails, e => Assert.Equal(e.Count, e.People));
        Assert.Equal(3000, await app.WithDbAsync(db => db.QueuedEmails.Select(e => e.RecipientId).Distinct().CountAsync()));
        Assert.Equal(300, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.NewStoryFromCreator && n.StoryId == story.Id)));
        Assert.All(await app.WithDbAsync(db => db.QueuedEmails.Select(e => e.UnsubscribeUrl).Take(5).ToListAsync()),
            url => Assert.StartsWith("https://folio.example/unsubscribe/", url));
    }
}
