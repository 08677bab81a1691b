using AngleSharp.Html.Dom;
using Folio.Testing;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;
using Folio.Tests.QueryCost;

namespace Folio.Tests.Challenges;

/// <summary>The banner on a community's page: its open challenges, and those opening within a week.</summary>
public sealed class ChallengeBannerTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private DateTime Now => _app.Clock.UtcNow;

    private static string[] Titles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-challenge-banner] .challenge-banner__title").Select(t => t.TextContent.Trim())];

    [Fact]
    public async Task ACommunityPageShowsItsOpenChallengesAndThoseOpeningWithinAWeek()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var community = await _app.Data.CommunityAsync();
        var other = await _app.Data.CommunityAsync();
        await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(3).AddHours(4), community, "Banner Open");
        await _app.ChallengeAsync(Now.AddDays(3), Now.AddDays(20), community, "Banner Soon");
        await _app.ChallengeAsync(Now.AddDays(10), Now.AddDays(30), community, "Banner Far Off");
        await _app.ChallengeAsync(Now.AddDays(-10), Now.AddDays(-1), community, "Banner Judging");
        await _app.ChallengeAsync(Now.AddDays(-30), Now.AddDays(-20), community, "Banner Over", c => c.ResultsPublishedAt = Now.AddDays(-2));
        await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(2), other, "Banner Elsewhere");
        await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(2), title: "Banner Site Wide");

        var page = await _app.GetPageAsync($"/{community.Slug}");

        Assert.Equal(["Banner Open", "Banner Soon"], Titles(page));
        var open = page.QuerySelector("[data-challenge-banner] [data-challenge='banner-open']")!;
        Assert.Equal("/challenges/banner-open", open.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("Closes in 3 days 4 hours", open.QuerySelector("[data-countdown]")?.TextContent.Trim());
        Assert.Equal("2027-06-04T16:00:00Z", open.QuerySelector("time")?.GetAttribute("datetime"));
        var soon = page.QuerySelector("[data-challenge-banner] [data-challenge='banner-soon']")!;
        Assert.Equal("Opens in 3 days", soon.QuerySelector("[data-countdown]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-challenge-banner] a[href^='/write']"));
        Assert.NotNull(page.QuerySelector("script[type=module][src*='challenge-countdown.js']"));
        Assert.Equal(["Banner Elsewhere"], Titles(await _app.GetPageAsync($"/{other.Slug}")));
        // The banner is for the first page of the community's stories only.
        Assert.Empty(Titles(await _app.GetPageAsync($"/{community.Slug}?page=2")));

        using var reader = await _app.ClientForAsync(Persona.Reader);
        var signedIn = await reader.Http.GetHtmlAsync($"/{community.Slug}");
        var enter = signedIn.QuerySelectorAll("[data-challenge-banner] a[href^='/write']").ToList();
        Assert.Equal(["/write?challenge=banner-open"], enter.Select(a => a.GetAttribute("href")));
        Assert.Equal("Enter Banner Open", enter[0].TextContent.Trim());
    }

    [Fact]
    public async Task ACommunityWithNoChallengeComingHasNoBanner()
    {
        var community = await _app.Data.CommunityAsync();
        await _app.ChallengeAsync(Now.AddDays(8), Now.AddDays(30), community, "Next Month");

        var page = await _app.GetPageAsync($"/{community.Slug}");

        Assert.Null(page.QuerySelector("[data-challenge-banner]"));
        Assert.Null(page.QuerySelector("script[src*='challenge-countdown.js']"));
    }

    [Fact]
    public async Task TheCachedCommunityPageShowsAChallengeOpeningAndClosingOnceTheMinutePassSeesIt()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var community = await _app.Data.CommunityAsync();
        await _app.ChallengeAsync(Now.AddMinutes(30), Now.AddDays(2), community, "Cached Banner");
        string? Phase(IHtmlDocument page) => page.QuerySelector("[data-challenge='cached-banner']")?.GetAttribute("data-phase");
        Assert.Equal("upcoming", Phase(await _app.GetPageAsync($"/{community.Slug}")));
        await _app.RunChallengePassAsync();

        _app.Clock.Now = _app.Clock.Now.AddHours(1);
        // Nothing was saved when it opened: the copy cached before is still served.
        Assert.Equal("upcoming", Phase(await _app.GetPageAsync($"/{community.Slug}")));
        await _app.RunChallengePassAsync();
        Assert.Equal("open", Phase(await _app.GetPageAsync($"/{community.Slug}")));

        _app.Clock.Now = _app.Clock.Now.AddDays(2);
        await _app.RunChallengePassAsync();
        Assert.Null(Phase(await _app.GetPageAsync($"/{community.Slug}")));
    }

    [Fact]
    public async Task TheBannerIsOneQueryReadFromTheCommunityAndClosingTimeIndex()
    {
        var community = await _app.Data.CommunityAsync();
        await _app.ChallengeAsync(Now.AddDays(-1), Now.AddDays(3), community, "Indexed Banner");
        using var anonymous = _app.NewBrowser();

        var commands = await _app.CommandsRunByAsync(anonymous, $"/{community.Slug}");

        var reads = commands.Where(c => c.Sql.Contains("\"Challenges\"", StringComparison.Ordinal)).ToList();
        var read = Assert.Single(reads);
        if (!TestDatabase.IsPostgres)
        {
            Assert.Contains("IX_Challenges_CommunityId_ClosesAt", await QueryPlans.ExplainAsync(_app, read, statistics: false));
        }
    }
}
