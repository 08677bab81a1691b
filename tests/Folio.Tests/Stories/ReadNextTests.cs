using AngleSharp.Html.Dom;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Stories;

/// <summary>The end of a story: "Read next" from its community and tags, and "More from {creator}" (Stories/ReadNext).</summary>
public sealed class ReadNextTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static List<string> ReadNextTitles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".read-next .next-card__title a").Select(a => a.TextContent.Trim())];

    private static List<string> MoreFromTitles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".more-from .story-link__title").Select(a => a.TextContent.Trim())];

    private DateTime HoursAgo(double hours) => _app.Clock.UtcNow.AddHours(-hours);

    [Fact]
    public async Task ReadNextShowsAtMostThreeStoriesOfTheCommunitySharingATagNewestFirstAndNeverTheStoryItself()
    {
        var rivers = await _app.Data.CommunityAsync("rivers", "Rivers");
        var hills = await _app.Data.CommunityAsync("hills", "Hills");
        var wren = await _app.Data.PersonAsync("wren");
        await _app.Data.StoryAsync(rivers, wren, "The Weir", publishedAt: HoursAgo(30), tags: ["Water", "Slow Living"]);
        for (var i = 1; i <= 4; i++)
        {
            await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), $"Tagged {i}", publishedAt: HoursAgo(i), tags: [i % 2 == 0 ? "Water" : "Slow Living"]);
        }

        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Untagged but newest", publishedAt: HoursAgo(0.1));
        await _app.Data.StoryAsync(hills, await _app.Data.PersonAsync(), "Elsewhere", publishedAt: HoursAgo(0.1), tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "A draft", tags: ["Water"], status: StoryStatus.Draft);

        var page = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal(["Tagged 1", "Tagged 2", "Tagged 3"], ReadNextTitles(page));
        Assert.Equal("Read next", page.QuerySelector(".read-next h2")?.TextContent.Trim());
        Assert.Equal("/rivers/tagged-1", page.QuerySelector(".read-next .next-card__title a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task InsightsKeepAWellReceivedStoryAheadOfNewerOnes()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "The Weir", tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "New and quiet", publishedAt: HoursAgo(48), tags: ["Water"]);
        var liked = await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Older and liked", publishedAt: HoursAgo(24 * 10), tags: ["Water"]);
        await _app.Data.InsightsAsync(liked, await _app.Data.PersonAsync(), InsightQuality.EyeOpening);
        await _app.Data.InsightsAsync(liked, await _app.Data.PersonAsync(), InsightQuality.EyeOpening, InsightQuality.ExcellentStorytelling);

        var page = await _app.GetPageAsync("/rivers/the-weir");

        // 10 days old less two weeks for two readers' insights: "younger" than the 2-day-old story.
        Assert.Equal(["Older and liked", "New and quiet"], ReadNextTitles(page));
    }

    [Fact]
    public async Task FewerThanThreeSharingATagAreFollowedByTheCommunitysNewest()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "The Weir", tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Shares a tag", publishedAt: HoursAgo(50), tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Newest", publishedAt: HoursAgo(1));
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Second newest", publishedAt: HoursAgo(2), tags: ["Stone"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Oldest", publishedAt: HoursAgo(3));

        var page = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal(["Shares a tag", "Newest", "Second newest"], ReadNextTitles(page));
    }

    [Fact]
    public async Task ASignedInReaderIsNotOfferedStoriesTheyHaveHearted()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "The Weir", tags: ["Water"]);
        var hearted = await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Already loved", publishedAt: HoursAgo(1), tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Not yet read", publishedAt: HoursAgo(2), tags: ["Water"]);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.Data.HeartAsync(hearted, reader.User!);

        var signedIn = await reader.Http.GetHtmlAsync("/rivers/the-weir");
        var anonymous = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal(["Not yet read"], ReadNextTitles(signedIn));
        Assert.Equal(["Already loved", "Not yet read"], ReadNextTitles(anonymous));
    }

    [Fact]
    public async Task AStoryAloneInItsCommunityByACreatorWithNoOtherStoryEndsWithoutEither()
    {
        var quiet = await _app.Data.CommunityAsync("quiet");
        await _app.Data.StoryAsync(quiet, await _app.Data.PersonAsync(), "Alone Here", tags: ["Water"]);
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), await _app.Data.PersonAsync(), "Another community", tags: ["Water"]);

        var page = await _app.GetPageAsync("/quiet/alone-here");

        Assert.Null(page.QuerySelector(".read-next"));
        Assert.Null(page.QuerySelector(".more-from"));
        Assert.NotNull(page.QuerySelector(".about-creator"));
    }

    [Fact]
    public async Task MoreFromTheCreatorListsOnlyTheCreatorsOtherStoriesNewestFirstWithALinkToAllOfThem()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        var hills = await _app.Data.CommunityAsync("hills", "Hills");
        var wren = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        await _app.Data.StoryAsync(rivers, wren, "The Weir", publishedAt: HoursAgo(1));
        await _app.Data.StoryAsync(hills, wren, "Old Hill", publishedAt: HoursAgo(48));
        await _app.Data.StoryAsync(hills, wren, "Hill Walk", publishedAt: HoursAgo(2));
        await _app.Data.StoryAsync(hills, wren, "Unfinished", status: StoryStatus.Draft);
        await _app.Data.StoryAsync(hills, await _app.Data.PersonAsync(), "Someone else's");

        var page = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal(["Hill Walk", "Old Hill"], MoreFromTitles(page));
        var section = page.QuerySelector(".more-from")!;
        Assert.Equal("More from Wren Adeyemi", section.QuerySelector("h2")?.TextContent.Trim());
        Assert.Contains("Hills", section.QuerySelector(".story-link__meta")?.TextContent);
        Assert.Contains(section.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/authors/wren");
        Assert.Null(page.QuerySelector(".read-next"));
    }

    [Fact]
    public async Task AStoryIsShownOnceEvenWhenItIsBothNextInTheCommunityAndTheCreatorsOwn()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        var wren = await _app.Data.PersonAsync("wren");
        await _app.Data.StoryAsync(rivers, wren, "The Weir", tags: ["Water"]);
        await _app.Data.StoryAsync(rivers, wren, "Downstream", publishedAt: HoursAgo(2), tags: ["Water"]);
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), wren, "Far Away", publishedAt: HoursAgo(3));

        var page = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal(["Downstream"], ReadNextTitles(page));
        Assert.Equal(["Far Away"], MoreFromTitles(page));
    }

    [Fact]
    public async Task AListedStoryTakenDownLeavesTheCachedPagesThatListItAtOnce()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "The Weir", tags: ["Water"]);
        var leaving = await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Going Away", publishedAt: HoursAgo(1), tags: ["Water"]);
        Assert.Equal(["Going Away"], ReadNextTitles((await _app.CachedAsync("/rivers/the-weir")).Html));

        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(leaving.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        var after = await _app.VisitAsync("/rivers/the-weir");
        Assert.False(after.FromCache);
        Assert.Empty(ReadNextTitles(after.Html));
    }

    [Fact]
    public async Task AHeartOnAListedStoryLeavesThePagesThatListItCached()
    {
        var rivers = await _app.Data.CommunityAsync("rivers");
        await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "The Weir", tags: ["Water"]);
        var listed = await _app.Data.StoryAsync(rivers, await _app.Data.PersonAsync(), "Listed", publishedAt: HoursAgo(1), tags: ["Water"]);
        await _app.CachedAsync("/rivers/the-weir");

        await _app.Data.HeartAsync(listed, await _app.Data.PersonAsync());

        Assert.True((await _app.VisitAsync("/rivers/the-weir")).FromCache);
    }

    [Theory]
    [InlineData(0.0, 0, 0.0)]
    [InlineData(240.0, 2, -4.0)]
    [InlineData(2400.0, 50, 100.0 - (7 * ReadNext.MostInsightWeeks))]
    public void EffectiveAgeIsDaysLessAWeekPerReaderWhoGaveInsightsUpToAPoint(double hoursOld, int readers, double expected)
    {
        var now = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, ReadNext.EffectiveAgeInDays(now.AddHours(-hoursOld), readers, now), 6);
    }
}
