using System.Net;
using AngleSharp.Html.Parser;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.SiteAdmin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Folio.Tests.Newsletters;

public sealed class DigestTests : IDisposable
{
    private const string Origin = "http://localhost";
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Site:BaseUrl"] = Origin });

    /// <summary>A Monday ahead of the real date (sign-in cookies expire by the real clock), at midnight UTC.</summary>
    private readonly DateTime _monday;

    public DigestTests()
    {
        var day = DateTime.UtcNow.Date.AddDays(2);
        _monday = DateTime.SpecifyKind(day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7), DateTimeKind.Utc);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ADailyReaderGetsOneDigestOfThePeriodsStoriesFromWhatTheyFollowWithTheTopStories()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var earth = await _app.Data.CommunityAsync(name: "Earth");
        var other = await _app.Data.CommunityAsync(name: "Elsewhere");
        var ana = await _app.ReaderAsync("Ana");
        var bo = await _app.ReaderAsync("Bo");
        var reader = await _app.ReaderAsync("Dee Daily", u => u.NewsletterDelivery = Delivery.Daily);
        var banned = await _app.ReaderAsync("Ben Banned", u => (u.NewsletterDelivery, u.Banned) = (Delivery.Daily, true));
        var stopped = await _app.ReaderAsync("Stu Stopped", u => (u.NewsletterDelivery, u.EmailStoppedAt) = (Delivery.Daily, _monday));
        var immediate = await _app.ReaderAsync("Ivy Immediate");
        foreach (var person in new[] { reader, banned, stopped, immediate })
        {
            await _app.SubscribeAsync(person, ana);
            await _app.FollowAsync(person, earth);
        }

        var mine = await Story(earth, reader, "My Own", _monday.AddHours(-3));
        await Story(other, ana, "Ana Elsewhere", _monday.AddHours(-12));
        await Story(earth, ana, "Ana on Earth", _monday.AddHours(-4));
        await Story(earth, bo, "Bo on Earth", _monday.AddHours(7));
        await Story(other, ana, "Too Old", _monday.AddDays(-3));
        await Story(other, ana, "After the Hour", _monday.AddHours(8.5));
        await _app.Data.StoryAsync(earth, ana, "Still Pending", status: StoryStatus.Pending);
        await Top(await Story(other, bo, "A Top Pick", _monday.AddDays(-5)), _monday.AddHours(-14));
        await Top(await Story(other, bo, "An Old Pick", _monday.AddDays(-5)), _monday.AddDays(-3));
        await Top(mine, _monday.AddHours(-2));

        Assert.Equal(1, await _app.SendDigestsAsync());

        var digest = Assert.Single(await _app.SentAsync());
        Assert.Equal(reader.Email, digest.To.Mailboxes.Single().Address);
        Assert.Equal("Your daily digest: 3 new stories from Earth and Ana", digest.Subject);
        var text = digest.TextBody ?? "";
        Assert.Equal(["Bo on Earth", "Ana on Earth", "Ana Elsewhere", "A Top Pick"], Titles(text, "Bo on Earth", "Ana on Earth", "Ana Elsewhere", "A Top Pick"));
        foreach (var absent in new[] { "My Own", "Too Old", "After the Hour", "Still Pending", "An Old Pick" })
        {
            Assert.DoesNotContain(absent, text);
        }

        var html = await new HtmlParser().ParseDocumentAsync(digest.HtmlBody ?? "");
        var links = html.QuerySelectorAll("a[href]").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        Assert.Contains(("Bo on Earth", $"{Origin}/{earth.Slug}/bo-on-earth"), links);
        Assert.Contains(("A Top Pick", $"{Origin}/{other.Slug}/a-top-pick"), links);
        Assert.Contains(("Unsubscribe from daily digests", digest.UnsubscribeUrl()), links);
        Assert.Contains(("Your email choices", $"{Origin}/settings/email"), links);
        Assert.Contains("Top stories today", html.Body!.TextContent);
        Assert.Equal(EmailKind.Digest, await _app.WithDbAsync(db => db.QueuedEmails.Select(e => e.Kind).SingleAsync()));

        // The same hour again sends nothing; the next day's digest starts where this one stopped.
        Assert.Equal(0, await _app.SendDigestsAsync());
        At(_monday.AddDays(1).AddHours(9));
        Assert.Equal(1, await _app.SendDigestsAsync());
        var next = (await _app.SentAsync()).Single(m => m.MessageId != digest.MessageId);
        Assert.Equal("Your daily digest: 1 new story from Ana", next.Subject);
        Assert.Contains("After the Hour", next.TextBody);
        Assert.DoesNotContain("Bo on Earth", next.TextBody);
    }

    [Fact]
    public async Task NothingIsSentWhenNothingFollowedIsNewEvenWithTopStoriesButTheDayIsDone()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var earth = await _app.Data.CommunityAsync(name: "Earth");
        var ana = await _app.ReaderAsync("Ana");
        var reader = await _app.ReaderAsync("Dee Daily", u => u.NewsletterDelivery = Delivery.Daily);
        await _app.FollowAsync(reader, earth);
        await Top(await Story(await _app.Data.CommunityAsync(), ana, "A Top Pick", _monday.AddHours(-5)), _monday.AddHours(-4));

        Assert.Equal(0, await _app.SendDigestsAsync());

        Assert.Empty(await _app.SentAsync());
        var through = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.Id).Select(u => u.DailyDigestThrough).SingleAsync());
        Assert.Equal(_monday.AddHours(8), through);
    }

    [Fact]
    public async Task EachReadersDigestComesAtTheHourInTheirOwnTimeZone()
    {
        await _app.PauseDigestsAsync();
        var tokyoDue = Due("Asia/Tokyo", _monday);
        var newYorkDue = Due("America/New_York", _monday);
        At(tokyoDue.AddMinutes(-30));
        var ana = await _app.ReaderAsync("Ana");
        var tokyo = await _app.ReaderAsync("Taro", u => (u.NewsletterDelivery, u.TimeZone) = (Delivery.Daily, "Asia/Tokyo"));
        var newYork = await _app.ReaderAsync("Nora", u => (u.NewsletterDelivery, u.TimeZone) = (Delivery.Daily, "America/New_York"));
        await _app.SubscribeAsync(tokyo, ana);
        await _app.SubscribeAsync(newYork, ana);
        await Story(await _app.Data.CommunityAsync(), ana, "Across the Dateline", tokyoDue.AddHours(-1));

        Assert.Equal(0, await _app.SendDigestsAsync());
        At(tokyoDue.AddMinutes(30));
        Assert.Equal(1, await _app.SendDigestsAsync());
        Assert.Equal([tokyo.Email!], (await _app.SentAsync()).Recipients());

        At(newYorkDue.AddMinutes(-30));
        Assert.Equal(0, await _app.SendDigestsAsync());
        At(newYorkDue.AddMinutes(30));
        Assert.Equal(1, await _app.SendDigestsAsync());
        Assert.Equal(new[] { tokyo.Email!, newYork.Email! }.Order().ToList(), (await _app.SentAsync()).Recipients());
    }

    [Fact]
    public async Task AWeeklyDigestComesOnlyOnTheSitesDay()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var ana = await _app.ReaderAsync("Ana");
        var reader = await _app.ReaderAsync("Wes Weekly", u => u.NewsletterDelivery = Delivery.Weekly);
        var cy = await _app.ReaderAsync("Cy");
        var sky = await _app.Data.CommunityAsync(name: "Sky");
        await _app.SubscribeAsync(reader, ana);
        await _app.SubscribeAsync(reader, cy);
        await _app.FollowAsync(reader, sky);
        Assert.Equal(0, await _app.SendDigestsAsync());
        var community = await _app.Data.CommunityAsync();
        await Story(community, ana, "Tuesday's Tale", _monday.AddDays(1).AddHours(10));
        await Story(community, cy, "Cy's Verse", _monday.AddDays(2).AddHours(10));
        await Story(sky, await _app.ReaderAsync("Bo"), "Sky Song", _monday.AddDays(3).AddHours(10));
        await Story(community, ana, "Friday's Fable", _monday.AddDays(4).AddHours(10));

        foreach (var day in Enumerable.Range(1, 6))
        {
            At(_monday.AddDays(day).AddHours(9));
            Assert.Equal(0, await _app.SendDigestsAsync());
        }

        At(_monday.AddDays(7).AddHours(9));
        Assert.Equal(1, await _app.SendDigestsAsync());
        var digest = Assert.Single(await _app.SentAsync());
        Assert.Equal("Your weekly digest: 4 new stories from Ana, Sky and 1 more", digest.Subject);
        Assert.Contains("Tuesday's Tale", digest.TextBody);
        Assert.Contains("Unsubscribe from weekly digests", digest.HtmlBody);
    }

    [Fact]
    public async Task EachFollowsOwnChoiceDecidesWhatTheDigestHolds()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var earth = await _app.Data.CommunityAsync(name: "Earth");
        var sky = await _app.Data.CommunityAsync(name: "Sky");
        var other = await _app.Data.CommunityAsync(name: "Elsewhere");
        var ana = await _app.ReaderAsync("Ana");
        var bo = await _app.ReaderAsync("Bo");
        var reader = await _app.ReaderAsync("Nev Never", u => u.NewsletterDelivery = Delivery.Never);
        await _app.SubscribeAsync(reader, ana, Delivery.Daily);
        await _app.FollowAsync(reader, earth, Delivery.Immediately);
        await _app.FollowAsync(reader, sky);
        await Story(other, ana, "Ana Elsewhere", _monday.AddHours(-2));
        await Story(earth, ana, "Ana on Earth", _monday.AddHours(-3));
        await Story(earth, bo, "Bo on Earth", _monday.AddHours(-4));
        await Story(sky, bo, "Bo in the Sky", _monday.AddHours(-5));

        Assert.Equal(1, await _app.SendDigestsAsync());

        var digest = Assert.Single(await _app.SentAsync());
        Assert.Equal("Your daily digest: 1 new story from Ana", digest.Subject);
        Assert.Contains("Ana Elsewhere", digest.TextBody);
        // Earth's stories came at once (its follow says Immediately), and Sky's follow is as the reader's Never.
        Assert.DoesNotContain("on Earth", digest.TextBody);
        Assert.DoesNotContain("Bo in the Sky", digest.TextBody);
    }

    [Fact]
    public async Task ReadersReadTogetherEachGetOnlyWhatTheyFollowSinceTheirOwnLastDigest()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var earth = await _app.Data.CommunityAsync(name: "Earth");
        var sky = await _app.Data.CommunityAsync(name: "Sky");
        var ana = await _app.ReaderAsync("Ana");
        var bo = await _app.ReaderAsync("Bo");
        // Cy's last digest went out at 02:00 (an earlier hour the admin has since changed); Dot's a day before.
        var cy = await _app.ReaderAsync("Cy", u => (u.NewsletterDelivery, u.DailyDigestThrough) = (Delivery.Daily, _monday.AddHours(2)));
        var dot = await _app.ReaderAsync("Dot", u => (u.NewsletterDelivery, u.DailyDigestThrough) = (Delivery.Daily, _monday.AddHours(-16)));
        await _app.FollowAsync(cy, earth);
        await _app.SubscribeAsync(dot, bo);
        await _app.FollowAsync(dot, sky);
        await Story(earth, ana, "Earth at Dawn", _monday.AddHours(5));
        await Story(earth, ana, "Earth at Midnight", _monday.AddHours(-1));
        await Story(sky, ana, "Sky at Dusk", _monday.AddHours(-6));
        await Story(earth, bo, "Bo on Earth", _monday.AddHours(3));
        await Story(sky, bo, "Bo Before Dot's Last", _monday.AddHours(-20));
        for (var i = 1; i <= DigestStories.MaxListed; i++)
        {
            await Story(sky, ana, $"Sky Note {i}", _monday.AddHours(-7).AddMinutes(-i));
        }

        Assert.Equal(2, await _app.SendDigestsAsync());

        var sent = await _app.SentAsync();
        var toCy = sent.Single(m => m.To.Mailboxes.Single().Address == cy.Email);
        Assert.Equal("Your daily digest: 2 new stories from Earth", toCy.Subject);
        Assert.Equal(["Earth at Dawn", "Bo on Earth"], Titles(toCy.TextBody ?? "", "Earth at Dawn", "Bo on Earth"));
        Assert.DoesNotContain("Earth at Midnight", toCy.TextBody);
        Assert.DoesNotContain("Sky", toCy.TextBody);

        // Dot: Bo's story since her last digest and Sky's, 22 in all: 20 listed, 2 counted.
        var toDot = sent.Single(m => m.To.Mailboxes.Single().Address == dot.Email);
        Assert.StartsWith("Your daily digest: 22 new stories from ", toDot.Subject);
        Assert.Equal(["Bo on Earth", "Sky at Dusk", "Sky Note 18"], Titles(toDot.TextBody ?? "", "Bo on Earth", "Sky at Dusk", "Sky Note 18"));
        Assert.Contains("And 2 more on your Following page", toDot.TextBody);
        Assert.DoesNotContain("Sky Note 19", toDot.TextBody);
        Assert.DoesNotContain("Earth at", toDot.TextBody);
        Assert.DoesNotContain("Bo Before Dot's Last", toDot.TextBody);
    }

    [Fact]
    public async Task TwoPassesAtOnceQueueEachDigestOnce()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var ana = await _app.ReaderAsync("Ana");
        var readers = new List<FolioUser>();
        foreach (var name in new[] { "One", "Two", "Three", "Four" })
        {
            readers.Add(await _app.ReaderAsync(name, u => u.NewsletterDelivery = Delivery.Daily));
            await _app.SubscribeAsync(readers[^1], ana);
        }

        await Story(await _app.Data.CommunityAsync(), ana, "Once Only", _monday.AddHours(-2));
        var worker = _app.Services.GetRequiredService<DigestWorker>();

        var passes = await Task.WhenAll(worker.RunPassAsync(), worker.RunPassAsync(), worker.RunPassAsync());

        Assert.Equal(4, passes.Sum());
        var queued = await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.Kind == EmailKind.Digest).Select(e => e.RecipientId!).ToListAsync());
        Assert.Equal(readers.Select(r => r.Id).Order().ToList(), queued.Order().ToList());
    }

    [Fact]
    public async Task TheDigestsUnsubscribeLinkTurnsThatPeriodsDigestsOffWithoutCookies()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var earth = await _app.Data.CommunityAsync(name: "Earth");
        var ana = await _app.ReaderAsync("Ana");
        var reader = await _app.ReaderAsync("Dee Daily", u => u.NewsletterDelivery = Delivery.Daily);
        await _app.SubscribeAsync(reader, ana);
        await _app.FollowAsync(reader, earth, Delivery.Immediately);
        await Story(earth, ana, "First Light", _monday.AddHours(-2));
        await Story(await _app.Data.CommunityAsync(), ana, "Second Light", _monday.AddHours(-1));
        await _app.SendDigestsAsync();
        var unsubscribe = Assert.Single(await _app.SentAsync()).UnsubscribeUrl();
        Assert.StartsWith($"{Origin}/unsubscribe/", unsubscribe);
        using var mailProvider = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var asked = await mailProvider.GetHtmlAsync(unsubscribe);
        var stopped = await mailProvider.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Contains("Stop getting your daily digest of new stories?", asked.QuerySelector(".lead")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("You are unsubscribed", (await stopped.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
        var choices = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.Id)
            .Select(u => new { u.NewsletterDelivery, Follow = db.CommunityFollows.Single(f => f.UserId == u.Id).Delivery }).SingleAsync());
        Assert.Equal((Delivery.Never, Delivery.Immediately), (choices.NewsletterDelivery, choices.Follow));

        await Story(await _app.Data.CommunityAsync(), ana, "Third Light", _monday.AddHours(20));
        At(_monday.AddDays(1).AddHours(9));
        Assert.Equal(0, await _app.SendDigestsAsync());
        Assert.Single(await _app.SentAsync());
    }

    [Fact]
    public async Task TheDigestHourTheAdminChoosesIsObeyedAndShownToReaders()
    {
        await _app.PauseDigestsAsync();
        At(_monday.AddHours(9));
        var ana = await _app.ReaderAsync("Ana");
        var reader = await _app.ReaderAsync("Dee Daily", u => u.NewsletterDelivery = Delivery.Daily);
        await _app.SubscribeAsync(reader, ana);
        Assert.Equal(0, await _app.SendDigestsAsync());
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = await admin.Http.ShownAsync();
        fields["Input.DigestHour"] = "20";
        fields["Input.WeeklyDigestDay"] = "Friday";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(fields)).StatusCode);
        await Story(await _app.Data.CommunityAsync(), ana, "Evening Story", _monday.AddHours(10));

        At(_monday.AddHours(19));
        Assert.Equal(0, await _app.SendDigestsAsync());
        At(_monday.AddHours(20.5));
        Assert.Equal(1, await _app.SendDigestsAsync());

        Assert.Contains("Evening Story", Assert.Single(await _app.SentAsync()).TextBody);
        var settings = await admin.Http.GetHtmlAsync("/settings/email");
        Assert.Equal("Daily digests arrive at 20:00 your time; weekly ones on Fridays.", settings.QuerySelector("[data-digest-times]")?.TextContent);
    }

    private void At(DateTime utc) => _app.Clock.Now = new DateTimeOffset(utc, TimeSpan.Zero);

    private static DateTime Due(string zone, DateTime day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date.AddHours(8), DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zone));

    private Task<Story> Story(Community community, FolioUser author, string title, DateTime publishedAt) =>
        _app.Data.StoryAsync(community, author, title, publishedAt: publishedAt);

    private Task Top(Story story, DateTime markedAt) =>
        _app.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.TopStoryAt, markedAt)));

    /// <summary>The given titles in the order the text shows them; a missing one fails.</summary>
    private static List<string> Titles(string text, params string[] titles)
    {
        Assert.All(titles, title => Assert.Contains(title, text));
        return [.. titles.OrderBy(title => text.IndexOf(title, StringComparison.Ordinal))];
    }
}
