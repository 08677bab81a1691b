using Folio.Features.Explore;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Reads;

public sealed class TrendingReadsTests : IDisposable
{
    // Reads never evict cached pages (counting one must stay a single cheap statement), so Explore's ranking lags
    // reads by up to Folio:Caching:Duration; this test is about the ranking, not the cache.
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadsLiftAStoryInTrendingWhenTheRankingIsRedone()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var hearted = await _app.Data.StoryAsync(community, author, "Hearted", publishedAt: _app.Clock.UtcNow.AddHours(-5));
        var read = await _app.Data.StoryAsync(community, author, "Widely Read", publishedAt: _app.Clock.UtcNow.AddHours(-5));
        await _app.Data.HeartAsync(hearted, await _app.Data.PersonAsync());
        await _app.Data.HeartAsync(hearted, await _app.Data.PersonAsync());
        await _app.AddReadsAsync(read, (1, 1)); // a story nobody has read is not trending at all

        var before = Order(await _app.GetPageAsync("/explore"));
        await _app.AddReadsAsync(read, (0, 15));
        var untilRedone = Order(await _app.GetPageAsync("/explore"));
        _app.Clock.Now += StoryRankings.RefreshAfter;
        var after = await Eventually.ValueAsync(async () => Order(await _app.GetPageAsync("/explore")), order => order.FirstOrDefault() == "Widely Read",
            TimeSpan.FromSeconds(10), "the ranking is redone in the background once it is a minute old");

        Assert.Equal(["Hearted", "Widely Read"], before);
        Assert.Equal(["Hearted", "Widely Read"], untilRedone);
        Assert.Equal(["Widely Read", "Hearted"], after);
    }

    [Fact]
    public async Task AStoryPublishedSinceTheLastRankingIsRankedBeforeTheNextPage()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        // Each has been read, or neither would be trending at all.
        await _app.AddReadsAsync(await _app.Data.StoryAsync(community, author, "Already There", publishedAt: _app.Clock.UtcNow.AddDays(-3)), (0, 1));
        Assert.Equal(["Already There"], Order(await _app.GetPageAsync("/explore")));

        await _app.AddReadsAsync(await _app.Data.StoryAsync(community, author, "Just Published", publishedAt: _app.Clock.UtcNow.AddMinutes(-1)), (0, 1));

        Assert.Equal(["Just Published", "Already There"], Order(await _app.GetPageAsync("/explore")));
    }

    private static List<string> Order(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".trending-list .story-card__title").Select(t => t.TextContent.Trim())];
}
