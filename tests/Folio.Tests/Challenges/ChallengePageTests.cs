using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Challenges;

public sealed class ChallengePageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private DateTime Now => _app.Clock.UtcNow;

    [Fact]
    public async Task TheChallengesPagePutsEachChallengeInItsSectionByTheClock()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await _app.ChallengeAsync(Now.AddDays(-10), Now.AddDays(5), title: "Open Later");
        await _app.ChallengeAsync(Now.AddDays(-10), Now.AddDays(1), title: "Open Sooner");
        await _app.ChallengeAsync(Now.AddDays(3), Now.AddDays(30), title: "Not Yet");
        await _app.ChallengeAsync(Now.AddDays(-30), Now.AddDays(-1), title: "Being Judged");
        await _app.ChallengeAsync(Now.AddDays(-60), Now.AddDays(-40), title: "All Done", configure: c => c.ResultsPublishedAt = Now.AddDays(-20));

        var page = await _app.GetPageAsync("/challenges");

        string[] Section(string name) => [.. page.QuerySelectorAll($"[data-section='{name}'] .challenge-card__title").Select(t => t.TextContent.Trim())];
        Assert.Equal(["Open Sooner", "Open Later"], Section("open"));
        Assert.Equal(["Not Yet"], Section("upcoming"));
        Assert.Equal(["Being Judged"], Section("judging"));
        Assert.Equal(["All Done"], Section("closed"));
        Assert.Contains("Results soon", page.QuerySelector("[data-section='judging']")!.TextContent);
        Assert.Contains("Results published", page.QuerySelector("[data-section='closed']")!.TextContent);
        Assert.Equal("2027-06-02T12:00:00Z", page.QuerySelector("[data-challenge='open-sooner'] time")?.GetAttribute("datetime"));
        Assert.EndsWith("/challenges", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href$='/challenges/feed.atom']"));
        Assert.Contains("Challenges", page.Title);

        // A moment later, by the clock alone, the sooner one is being judged.
        _app.Clock.Now = _app.Clock.Now.AddDays(2);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var later = await reader.Http.GetHtmlAsync("/challenges");
        Assert.Contains("Open Sooner", later.QuerySelector("[data-section='judging']")!.TextContent);
    }

    [Fact]
    public async Task CachedPagesShowTheNewPhaseOnceTheMinutePassSeesAChallengeOpen()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await _app.ChallengeAsync(Now.AddMinutes(30), Now.AddDays(30), title: "Opening Soon");
        string[] Upcoming(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("[data-section='upcoming'] .challenge-card__title").Select(t => t.TextContent.Trim())];
        Assert.Equal(["Opening Soon"], Upcoming(await _app.GetPageAsync("/challenges")));
        await _app.RunChallengePassAsync();

        _app.Clock.Now = _app.Clock.Now.AddHours(1);
        // Nothing was saved when it opened: the anonymous copy is still the one cached before.
        Assert.Equal(["Opening Soon"], Upcoming(await _app.GetPageAsync("/challenges")));

        await _app.RunChallengePassAsync();

        var fresh = await _app.GetPageAsync("/challenges");
        Assert.Empty(Upcoming(fresh));
        Assert.Contains("Opening Soon", fresh.QuerySelector("[data-section='open']")!.TextContent);
    }

    [Fact]
    public async Task AnOpenChallengeShowsItsRulesCriteriaPrizesAndCountdownButNotItsEntries()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(3).AddHours(4).AddMinutes(10), community, "Sea Stories");
        await _app.EntryAsync(challenge, community, "Salt and Tide");
        await _app.EntryAsync(challenge, community, "Waiting For Review", StoryStatus.Pending);

        var page = await _app.GetPageAsync("/challenges/sea-stories");

        Assert.Equal("Sea Stories", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal($"/{community.Slug}", page.QuerySelector(".eyebrow a")?.GetAttribute("href"));
        Assert.Equal("the sea", page.QuerySelector(".story-body em")?.TextContent);
        var rules = page.QuerySelectorAll(".challenge-rules li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("500 to 3,000 words", rules);
        Assert.Contains("Tags: #sea", rules);
        Assert.Contains("One entry per creator", rules);
        Assert.Contains("Open to creators", rules);
        Assert.Equal(["Fit to the prompt 60 %", "Craft 40 %"], page.QuerySelectorAll(".challenge-criteria li").Select(li => li.TextContent.Trim()));
        Assert.Contains("$500 and a feature", page.QuerySelector(".challenge-prizes")?.TextContent);
        Assert.Contains("2 runners-up", page.QuerySelector(".challenge-prizes")?.TextContent);
        Assert.Contains("Judge Judy", page.QuerySelector(".challenge-judges")?.TextContent);
        Assert.Equal("Closes in 3 days 4 hours", page.QuerySelector("[data-countdown]")?.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("[data-entry-count]")?.TextContent);
        Assert.Equal("/write?challenge=sea-stories", page.QuerySelector("a.button[href^='/write']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("[data-entries-hidden]"));
        Assert.DoesNotContain("Salt and Tide", page.Body!.TextContent);
        Assert.EndsWith("/challenges/sea-stories", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
        Assert.NotNull(page.QuerySelector("script[type=module][src*='challenge-countdown.js']"));
    }

    [Fact]
    public async Task EntriesShowOnceTheChallengeClosesOrBeforeWhenItSaysSo()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var community = await _app.Data.CommunityAsync();
        var closed = await _app.ChallengeAsync(Now.AddDays(-10), Now.AddDays(-1), community, "Closed One");
        var visible = await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(3), community, "Visible One", c => c.EntriesVisibleBeforeClose = true);
        await _app.EntryAsync(closed, community, "Salt and Tide");
        await _app.EntryAsync(closed, community, "Still In Review", StoryStatus.Pending);
        await _app.EntryAsync(visible, community, "Foam");

        var closedPage = await _app.GetPageAsync("/challenges/closed-one");
        var visiblePage = await _app.GetPageAsync("/challenges/visible-one");

        Assert.Equal(["Salt and Tide"], closedPage.QuerySelectorAll(".story-grid h3, .story-grid h2").Select(h => h.TextContent.Trim()));
        Assert.Null(closedPage.QuerySelector("a.button[href^='/write']"));
        Assert.Contains("Results soon", closedPage.QuerySelector(".page-header")!.TextContent);
        Assert.Contains("Foam", visiblePage.QuerySelector(".story-grid")?.TextContent);
    }

    [Fact]
    public async Task TimesAreShownInTheReadersZoneAcrossTheSpringChange()
    {
        // 28 March 2027, 01:00 UTC: London goes from GMT to BST.
        _app.Clock.Now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);
        await _app.ChallengeAsync(new DateTime(2027, 3, 27, 12, 0, 0), new DateTime(2027, 3, 29, 11, 0, 0), title: "Spring Forward");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(reader.User!.Id))!.TimeZone = "Europe/London";
            await db.SaveChangesAsync();
        });

        var page = await reader.Http.GetHtmlAsync("/challenges/spring-forward");

        var times = page.QuerySelectorAll(".challenge-dates time").ToList();
        Assert.Equal("2027-03-27T12:00:00Z", times[0].GetAttribute("datetime"));
        Assert.StartsWith("Saturday 27 March 2027, 12:00", times[0].TextContent);
        Assert.Equal("2027-03-29T11:00:00Z", times[1].GetAttribute("datetime"));
        Assert.StartsWith("Monday 29 March 2027, 12:00", times[1].TextContent);
        Assert.Contains("Europe/London", times[1].TextContent);
        Assert.Equal("Opens in 7 days", page.QuerySelector("[data-countdown]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownChallengeIsNotFound()
    {
        await _app.GetPageAsync("/challenges/no-such-challenge", HttpStatusCode.NotFound);
    }
}
