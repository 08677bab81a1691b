using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Reads;

public sealed partial class ReadsDashboardTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [GeneratedRegex(@"(\d[\d,]*) reads? in total")]
    private static partial Regex TotalInLabel();

    private static int Total(IElement chart) =>
        int.Parse(TotalInLabel().Match(chart.GetAttribute("aria-label")!).Groups[1].Value.Replace(",", ""));

    [Fact]
    public async Task TheDashboardChartsReadsPerDayWithTheRightTotals()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var first = await _app.Data.StoryAsync(community, creator.User!, "First Light", publishedAt: _app.Clock.UtcNow.AddDays(-60));
        var second = await _app.Data.StoryAsync(community, creator.User!, "Second Wind");
        var someoneElses = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Not Yours");
        await _app.AddReadsAsync(first, (45, 100), (3, 7), (0, 5));
        await _app.AddReadsAsync(second, (3, 4), (1, 9));
        await _app.AddReadsAsync(someoneElses, (0, 50));

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        var chart = page.QuerySelector("#reads svg.reads-chart[role=img]")!;
        Assert.Equal(25, Total(chart));
        Assert.Contains("most on", chart.GetAttribute("aria-label"));
        var bars = chart.QuerySelectorAll(".reads-chart__bar");
        Assert.Equal(30, bars.Length);
        Assert.Equal(5, int.Parse(bars[^1].GetAttribute("data-reads")!));
        Assert.Equal(11, int.Parse(bars[^4].GetAttribute("data-reads")!));
        Assert.EndsWith(": 11 reads", chart.QuerySelectorAll(".reads-chart__day > title")[^4].TextContent);
        Assert.Equal(25, chart.QuerySelectorAll(".reads-chart__day > title").Sum(t => int.Parse(Regex.Match(t.TextContent, @": (\d+) reads?$").Groups[1].Value)));

        var rows = page.QuerySelectorAll(".reads-table tbody tr");
        Assert.Equal(["Second Wind", "First Light"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(["13", "12"], rows.Select(r => r.QuerySelector("[data-reads-recent]")!.TextContent));
        Assert.Equal(["13", "112"], rows.Select(r => r.QuerySelector("[data-reads-total]")!.TextContent));
        Assert.Null(page.QuerySelector(".reads-chart [style]"));
    }

    [Fact]
    public async Task TheChartFiltersToOneOfTheAuthorsOwnStories()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var first = await _app.Data.StoryAsync(community, creator.User!, "Only This");
        var second = await _app.Data.StoryAsync(community, creator.User!, "Not This");
        var someoneElses = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        await _app.AddReadsAsync(first, (2, 6));
        await _app.AddReadsAsync(second, (2, 20));
        await _app.AddReadsAsync(someoneElses, (2, 99));

        var filtered = await creator.Http.GetHtmlAsync($"/me/stories?reads={first.Id}");
        var notTheirs = await creator.Http.GetHtmlAsync($"/me/stories?reads={someoneElses.Id}");

        Assert.Equal(6, Total(filtered.QuerySelector("svg.reads-chart")!));
        Assert.Contains("“Only This”", filtered.QuerySelector("svg.reads-chart")!.GetAttribute("aria-label"));
        Assert.Equal("true", filtered.QuerySelector($".reads-table tr[data-story-id='{first.Id}']")!.GetAttribute("aria-current"));
        Assert.Equal(26, Total(notTheirs.QuerySelector("svg.reads-chart")!));
    }

    [Fact]
    public async Task AnAuthorWithNothingPublishedSeesNoReadsSection()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), creator.User!, status: Folio.Features.Stories.StoryStatus.Draft);

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        Assert.Null(page.QuerySelector("#reads"));
    }
}
