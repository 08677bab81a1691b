using Folio.Features.Insights;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Writing;

public sealed class MyStoriesCountTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MyStoriesSaysOneInsightAndTwoInsights()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var once = await _app.Data.StoryAsync(community, creator.User!, "Once Noticed", "Word");
        var twice = await _app.Data.StoryAsync(community, creator.User!, "Twice Noticed");
        var reader = await _app.Data.PersonAsync();
        await _app.Data.InsightsAsync(once, reader, InsightQuality.EyeOpening);
        await _app.Data.CommentAsync(once, reader, "Lovely.");
        await _app.Data.HeartAsync(once, reader);
        foreach (var someone in new[] { reader, await _app.Data.PersonAsync() })
        {
            await _app.Data.InsightsAsync(twice, someone, InsightQuality.EyeOpening, InsightQuality.EasyToReadAndFollow);
            await _app.Data.CommentAsync(twice, someone, "Lovely too.");
        }

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        string Counts(string title) => string.Join(" | ", page.QuerySelectorAll(".dashboard-item")
            .Single(item => item.QuerySelector(".dashboard-item__title")?.TextContent == title)
            .QuerySelectorAll(".dashboard-item__counts span").Select(span => span.TextContent.Trim()));
        Assert.Equal("♥ 1 | 1 insight | 1 comment", Counts("Once Noticed"));
        Assert.Equal("♥ 0 | 2 insights | 2 comments", Counts("Twice Noticed"));
        Assert.Contains("1 word ·", page.QuerySelectorAll(".dashboard-item").First(item => item.TextContent.Contains("Once Noticed")).TextContent);
    }
}
