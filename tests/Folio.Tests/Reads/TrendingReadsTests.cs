using Folio.Tests.Infrastructure;

namespace Folio.Tests.Reads;

public sealed class TrendingReadsTests : IDisposable
{
    // Reads never evict cached pages (counting one must stay a single cheap statement), so Explore's ranking lags
    // reads by up to Folio:Caching:Duration; this test is about the ranking, not the cache.
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadsLiftAStoryInTrending()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var hearted = await _app.Data.StoryAsync(community, author, "Hearted", publishedAt: _app.Clock.UtcNow.AddHours(-5));
        var read = await _app.Data.StoryAsync(community, author, "Widely Read", publishedAt: _app.Clock.UtcNow.AddHours(-5));
        await _app.Data.HeartAsync(hearted, await _app.Data.PersonAsync());
        await _app.Data.HeartAsync(hearted, await _app.Data.PersonAsync());

        var before = await _app.GetPageAsync("/explore");
        await _app.AddReadsAsync(read, (0, 15));
        var after = await _app.GetPageAsync("/explore");

        static IEnumerable<string> Order(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".trending-list .story-card__title").Select(t => t.TextContent.Trim());
        Assert.Equal(["Hearted", "Widely Read"], Order(before));
        Assert.Equal(["Widely Read", "Hearted"], Order(after));
    }
}
