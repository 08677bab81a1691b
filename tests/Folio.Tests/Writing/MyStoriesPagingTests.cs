using Folio.Features.Stories;
using Folio.Features.Writing;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Writing;

/// <summary>/me/stories lists what the creator is working on in full, and published stories a page at a time, newest first.</summary>
public sealed class MyStoriesPagingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PublishedStoriesComeAPageAtATimeAndTheWorkInProgressOnlyOnTheFirst()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var published = MyStoriesModel.PublishedPageSize + 3;
        for (var i = 1; i <= published; i++)
        {
            await _app.Data.StoryAsync(community, creator.User!, $"Published number {i:00}", publishedAt: _app.Clock.UtcNow.AddHours(-100 + i));
        }

        await _app.Data.StoryAsync(community, creator.User!, "A draft in progress", status: StoryStatus.Draft);

        var first = await creator.Http.GetHtmlAsync("/me/stories");
        Assert.Equal($"Published ({published})", Section(first, "Published")!.QuerySelector("h2")!.TextContent.Trim());
        var firstTitles = Titles(first, "Published");
        Assert.Equal(MyStoriesModel.PublishedPageSize, firstTitles.Count);
        Assert.Equal($"Published number {published:00}", firstTitles[0]);
        Assert.Equal(["A draft in progress"], Titles(first, "Draft"));
        Assert.Equal("Page 1 of 2", first.QuerySelector(".pager__status")!.TextContent);
        Assert.Equal("/me/stories?page=2", first.QuerySelector(".pager__next")!.GetAttribute("href"));

        var second = await creator.Http.GetHtmlAsync("/me/stories?page=2");
        Assert.Equal(["Published number 03", "Published number 02", "Published number 01"], Titles(second, "Published"));
        Assert.Null(Section(second, "Draft"));
        Assert.Equal("/me/stories", second.QuerySelector(".pager__prev")!.GetAttribute("href"));

        using var pastTheEnd = await creator.Http.GetAsync("/me/stories?page=9");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, pastTheEnd.StatusCode);
        Assert.Equal("/me/stories?page=2", pastTheEnd.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACreatorWithOnlyDraftsSeesThemAndNoPager()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), creator.User!, "Only a draft", status: StoryStatus.Draft);

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        Assert.Equal(["Only a draft"], Titles(page, "Draft"));
        Assert.Equal("Nothing published yet.", Section(page, "Published")!.QuerySelector("p.muted")!.TextContent);
        Assert.Null(page.QuerySelector(".pager"));
    }

    private static AngleSharp.Dom.IElement? Section(AngleSharp.Dom.IDocument page, string status) =>
        page.QuerySelector($"section[aria-labelledby='section-{status}']");

    private static List<string> Titles(AngleSharp.Dom.IDocument page, string status) =>
        [.. Section(page, status)!.QuerySelectorAll(".dashboard-item__title").Select(title => title.TextContent.Trim())];
}
