using System.Net;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pages;

public sealed class StoryPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task StoryPageShowsEveryElementInTheDesignedOrder()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi", "Writes about water.");
        var body = string.Join(' ', Enumerable.Repeat("word", 530)) + "\n\n## Upstream\n\n- a list item\n\n> a quote\n\n![A weir](/demo/images/a.svg)";
        var story = await _app.Data.StoryAsync(community, author, "The Weir", body, _app.Clock.UtcNow.AddMinutes(-5),
            tags: ["Rivers", "Slow Living"], subtitle: "What the water keeps");

        var page = await _app.GetPageAsync("/rivers/the-weir");

        var communityLink = page.QuerySelector(".story-header a[href='/rivers']");
        Assert.Contains("Rivers", communityLink?.TextContent);
        Assert.NotNull(communityLink?.QuerySelector("img"));
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("The Weir", h1.TextContent);
        Assert.Equal("What the water keeps", page.QuerySelector(".story-deck")?.TextContent);
        var byline = page.QuerySelector(".byline")!;
        Assert.Contains("By Wren Adeyemi", byline.TextContent.Replace('\n', ' '));
        Assert.Equal("/authors/wren", byline.QuerySelector("a[rel=author]")?.GetAttribute("href"));
        var time = byline.QuerySelector("time")!;
        Assert.Equal("Published 5 minutes ago", time.ParentElement!.TextContent.Trim());
        Assert.Equal(story.PublishedAt!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ"), time.GetAttribute("datetime"));
        Assert.Equal(story.PublishedAt.Value.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), time.GetAttribute("title"));
        Assert.Contains("3 min read", byline.TextContent); // 531 words + one image: 120.2 + 12 s
        Assert.Equal("user-content-upstream", page.QuerySelector(".story-body h2")?.Id);
        Assert.NotNull(page.QuerySelector(".story-body li"));
        Assert.NotNull(page.QuerySelector(".story-body blockquote"));
        Assert.Equal("A weir", page.QuerySelector(".story-body img")?.GetAttribute("alt"));
        var tags = page.QuerySelectorAll(".tag-list a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Rivers", "/tags/rivers"), ("Slow Living", "/tags/slow-living")], tags);
        var about = page.QuerySelector(".about-creator")!;
        Assert.Equal("About the Creator", about.QuerySelector("h2")?.TextContent);
        Assert.NotNull(about.QuerySelector("img[src='/demo/avatars/maya.svg']"));
        Assert.Contains("Wren Adeyemi", about.TextContent);
        Assert.Contains("Writes about water.", about.TextContent);

        var sections = new[] { ".community-badge", "h1", ".story-deck", ".byline", ".story-body", ".tag-list", ".about-creator", "#insights", "#comments", ".site-footer" }
            .Select(selector => page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"{selector} missing"))
            .ToList();
        var all = page.All.ToList();
        var positions = sections.Select(element => all.IndexOf(element)).ToList();
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public async Task StoryWithoutResponsesShowsTheEmptyStates()
    {
        var community = await _app.Data.CommunityAsync("quiet");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Nobody Yet");

        var page = await _app.GetPageAsync("/quiet/nobody-yet");

        var insights = page.QuerySelector("#insights")!;
        Assert.Equal("Reader insights", insights.QuerySelector("h2")?.TextContent);
        Assert.Contains("Be the first to share your insights about this piece.", insights.TextContent);
        Assert.Equal("/insights", insights.QuerySelectorAll("a").Single(a => a.TextContent == "How does it work?").GetAttribute("href"));
        Assert.Contains(insights.QuerySelectorAll("a"), a => a.TextContent == "Add your insights");
        var comments = page.QuerySelector("#comments")!;
        Assert.Contains("There are no comments for this story", comments.TextContent);
        Assert.Contains("Be the first to respond and start the conversation.", comments.TextContent);
        var signIn = comments.QuerySelectorAll("a").Single(a => a.TextContent == "Sign in to comment");
        Assert.Equal("/signin?returnUrl=%2Fquiet%2Fnobody-yet%23comment-form", signIn.GetAttribute("href"));
    }

    [Fact]
    public async Task TopInsightsAreListedMostGivenFirstWithCounts()
    {
        var community = await _app.Data.CommunityAsync("insightful");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Well Received");
        var readers = new[] { await _app.Data.PersonAsync(), await _app.Data.PersonAsync(), await _app.Data.PersonAsync() };
        await _app.Data.InsightsAsync(story, readers[0], InsightQuality.EyeOpening, InsightQuality.ExcellentStorytelling);
        await _app.Data.InsightsAsync(story, readers[1], InsightQuality.EyeOpening);
        await _app.Data.InsightsAsync(story, readers[2], InsightQuality.EyeOpening, InsightQuality.ExcellentStorytelling, InsightQuality.MasterfulProofreading);

        var page = await _app.GetPageAsync("/insightful/well-received");

        var insights = page.QuerySelectorAll(".insight")
            .Select(i => (i.QuerySelector(".insight__name")!.TextContent, i.QuerySelector(".insight__count")!.TextContent))
            .ToList();
        Assert.Equal([("Eye opening", "3"), ("Excellent storytelling", "2"), ("Masterful proofreading", "1")], insights);
        Assert.Contains("3 readers have shared insights", page.QuerySelector("#insights")!.TextContent);
        Assert.DoesNotContain("Be the first to share", page.QuerySelector("#insights")!.TextContent);
    }

    [Fact]
    public async Task CommentsAreThreadedWithRepliesUnderTheirParents()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var author = await _app.Data.PersonAsync();
        var reader = await _app.Data.PersonAsync(displayName: "Reader One");
        var story = await _app.Data.StoryAsync(community, author, "Talked About");
        var first = await _app.Data.CommentAsync(story, reader, "First *thought*", at: _app.Clock.UtcNow.AddHours(-3));
        var reply = await _app.Data.CommentAsync(story, author, "A reply", first, _app.Clock.UtcNow.AddHours(-2));
        await _app.Data.CommentAsync(story, reader, "A reply to the reply", reply, _app.Clock.UtcNow.AddHours(-1));
        await _app.Data.CommentAsync(story, reader, "Second thought", at: _app.Clock.UtcNow.AddMinutes(-30));

        var page = await _app.GetPageAsync("/talk/talked-about");

        var topLevel = page.QuerySelectorAll("#comments > .comment-thread > .comment");
        Assert.Equal(2, topLevel.Length);
        Assert.Equal("thought", topLevel[0].QuerySelector(".comment__body em")?.TextContent);
        var nested = topLevel[0].QuerySelector(":scope > .comment-thread > .comment > .comment-thread > .comment > .comment__body");
        Assert.Equal("A reply to the reply", nested?.TextContent.Trim());
        Assert.Contains("about 3 hours ago", topLevel[0].QuerySelector("time")?.TextContent);
        Assert.Contains("(4)", page.QuerySelector("#comments-title")?.TextContent);
        Assert.DoesNotContain("There are no comments", page.QuerySelector("#comments")!.TextContent);
    }

    [Fact]
    public async Task HeartCountIsShown()
    {
        var community = await _app.Data.CommunityAsync("loved");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Loved Story");
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());

        var page = await _app.GetPageAsync("/loved/loved-story");

        Assert.Equal("2 hearts", page.QuerySelector(".story-hearts")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Pending)]
    [InlineData(StoryStatus.SentBack)]
    public async Task UnpublishedStoriesAreNotFound(StoryStatus status)
    {
        var community = await _app.Data.CommunityAsync("hidden");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Not Yet", status: status);

        var page = await _app.GetPageAsync("/hidden/not-yet", HttpStatusCode.NotFound);

        Assert.Equal("We couldn’t find that page", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task StoryUrlsIgnoreCase()
    {
        var community = await _app.Data.CommunityAsync("cased");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Mixed Case");

        await _app.GetPageAsync("/Cased/Mixed-Case");
    }

    [Theory]
    [InlineData("/rivers/%20")]
    [InlineData("/%20/the-weir")]
    [InlineData("/%20/%20")]
    [InlineData("/%20")]
    public async Task ABlankCommunityOrStoryInTheAddressIsNotFound(string url)
    {
        await _app.Data.CommunityAsync("rivers", "Rivers");

        await _app.GetPageAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StoryInAnotherCommunityIsNotFoundUnderTheWrongOne()
    {
        var home = await _app.Data.CommunityAsync("home-base");
        await _app.Data.CommunityAsync("elsewhere");
        await _app.Data.StoryAsync(home, await _app.Data.PersonAsync(), "Stays Home");

        await _app.GetPageAsync("/elsewhere/stays-home", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StoryPageHasSharingMetadata()
    {
        var community = await _app.Data.CommunityAsync("shared");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(displayName: "Sharer"), "Share Me", subtitle: "Worth passing on");

        var page = await _app.GetPageAsync("/shared/share-me");

        Assert.Equal("Share Me · Folio", page.Title);
        Assert.Equal("Worth passing on", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.Equal("Share Me", page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("http://localhost/shared/share-me", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
