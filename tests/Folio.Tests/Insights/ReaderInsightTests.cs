using System.Net;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Insights;

/// <summary>Who may give insights, and what giving, changing and withdrawing them stores.</summary>
public sealed class ReaderInsightTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ThePickerOffersEveryImpressionAndQualityWithItsWords()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync(InsightCalls.PickerUrl(story.Id));

        Assert.Equal("Add your insights", page.QuerySelector("h1")?.TextContent);
        var impressions = page.QuerySelectorAll("input[type=radio][name=Impression]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["GoodEffort", "NiceWork", "Outstanding"], impressions);
        var outstanding = page.QuerySelector("input[value=Outstanding]")!.ParentElement!;
        Assert.Contains("Exceptional: the kind of story readers remember and share.", outstanding.TextContent);
        var qualities = page.QuerySelectorAll("input[type=checkbox][name=Qualities]").ToList();
        Assert.Equal(8, qualities.Count);
        Assert.All(InsightCatalog.All, quality =>
            Assert.Contains(quality.Description, page.QuerySelector($"input[value={quality.Quality}]")!.ParentElement!.TextContent));
        Assert.Empty(page.QuerySelectorAll("input:checked"));
        Assert.Null(page.QuerySelector("button[data-withdraw]"));
    }

    [Fact]
    public async Task SavingReturnsToTheStoryAndThePickerRemembersTheChoices()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await reader.Http.GiveInsightsAsync(story.Id, Impression.NiceWork, InsightQuality.EyeOpening, InsightQuality.EasyToReadAndFollow);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/{story.Community.Slug}/{story.Slug}#insights", saved.Headers.Location?.OriginalString);
        var picker = await reader.Http.GetHtmlAsync(InsightCalls.PickerUrl(story.Id));
        Assert.Equal("Change your insights", picker.QuerySelector("h1")?.TextContent);
        Assert.Equal(["NiceWork", "EyeOpening", "EasyToReadAndFollow"], picker.QuerySelectorAll("input:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("Withdraw my insights", picker.QuerySelector("button[data-withdraw]")?.TextContent);
    }

    [Fact]
    public async Task EachReaderCountsOncePerStory()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await reader.Http.GiveInsightsAsync(story.Id, Impression.Outstanding, InsightQuality.EyeOpening);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.Outstanding, InsightQuality.EyeOpening, InsightQuality.EyeOpening);

        Assert.Equal((1, 1), await StoredAsync(story.Id));
        var page = await reader.Http.GetHtmlAsync($"/{story.Community.Slug}/{story.Slug}");
        Assert.Contains("1 reader has shared insights", page.QuerySelector("#insights")!.TextContent);
        Assert.Equal("1", page.QuerySelector(".impression-lead .insight__count")?.TextContent);
    }

    [Fact]
    public async Task ChangingReplacesTheChoicesAndWithdrawingRemovesThem()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.NiceWork, InsightQuality.EyeOpening, InsightQuality.ExcellentStorytelling);

        await reader.Http.GiveInsightsAsync(story.Id, Impression.Outstanding, InsightQuality.MasterfulProofreading);

        var stored = await _app.WithDbAsync(async db => (
            await db.ReaderImpressions.Where(i => i.StoryId == story.Id).Select(i => i.Impression).ToListAsync(),
            await db.ReaderInsights.Where(i => i.StoryId == story.Id).Select(i => i.Quality).ToListAsync()));
        Assert.Equal([Impression.Outstanding], stored.Item1);
        Assert.Equal([InsightQuality.MasterfulProofreading], stored.Item2);

        var withdrawn = await reader.Http.WithdrawInsightsAsync(story.Id);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(story.Id));
        var page = await reader.Http.GetHtmlAsync($"/{story.Community.Slug}/{story.Slug}");
        Assert.Contains("Be the first to share your insights about this piece.", page.QuerySelector("#insights")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#insights a"), a => a.TextContent == "Add your insights");
    }

    [Fact]
    public async Task AnOverallImpressionIsRequired()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.GiveInsightsAsync(story.Id, null, InsightQuality.EyeOpening);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(InsightMessages.ChooseImpression, page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(["EyeOpening"], page.QuerySelectorAll("input:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal((0, 0), await StoredAsync(story.Id));
    }

    [Fact]
    public async Task TheAuthorCannotGiveInsightsToTheirOwnStory()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await StoryAsync(author.User);

        var picker = await author.Http.GetAsync(InsightCalls.PickerUrl(story.Id));
        Assert.Equal(HttpStatusCode.Forbidden, picker.StatusCode);
        Assert.Equal("You can’t give insights to your own story", (await picker.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);

        var saved = await author.Http.PostFormAsync(InsightCalls.PickerUrl(story.Id),
            InsightCalls.Fields(Impression.Outstanding, InsightQuality.EyeOpening), "/write");
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(story.Id));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync()));

        var storyPage = await author.Http.GetHtmlAsync($"/{story.Community.Slug}/{story.Slug}");
        var section = storyPage.QuerySelector("#insights")!;
        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => a.TextContent.Contains("your insights"));
        Assert.NotNull(section.QuerySelector("a[href='/me/stories']"));
    }

    [Fact]
    public async Task AVisitorIsSentToSignInAndBackToThePicker()
    {
        var story = await StoryAsync();
        using var visitor = _app.NewBrowser();
        var expected = $"/signin?returnUrl=%2Fstories%2F{story.Id}%2Finsights";

        var storyPage = await visitor.GetHtmlAsync($"/{story.Community.Slug}/{story.Slug}");
        Assert.Equal(expected, storyPage.QuerySelectorAll("#insights a").Single(a => a.TextContent == "Add your insights").GetAttribute("href"));
        var picker = await visitor.GetAsync(InsightCalls.PickerUrl(story.Id));
        Assert.Equal(HttpStatusCode.Redirect, picker.StatusCode);
        Assert.Equal(expected, picker.Headers.Location?.PathAndQuery);
        var posted = await visitor.PostFormAsync(InsightCalls.PickerUrl(story.Id), InsightCalls.Fields(Impression.NiceWork), "/signin");
        Assert.Equal(expected, posted.Headers.Location?.PathAndQuery);
        Assert.Equal((0, 0), await StoredAsync(story.Id));

        using var account = await _app.ClientForAsync(Persona.Reader);
        var signedIn = await visitor.PostFormAsync(expected, new() { ["Input.Login"] = account.User!.UserName!, ["Input.Password"] = Personas.Password });
        Assert.Equal(InsightCalls.PickerUrl(story.Id), signedIn.Headers.Location?.OriginalString);
        Assert.Equal("Add your insights", (await visitor.GetHtmlAsync(InsightCalls.PickerUrl(story.Id))).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Pending)]
    [InlineData(null)]
    public async Task OnlyPublishedStoriesTakeInsights(StoryStatus? status)
    {
        var story = status is { } unpublished ? await StoryAsync(status: unpublished) : null;
        var id = story?.Id ?? 424242;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync(InsightCalls.PickerUrl(id))).StatusCode);
        var saved = await reader.Http.PostFormAsync(InsightCalls.PickerUrl(id), InsightCalls.Fields(Impression.NiceWork), "/write");
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(id));
    }

    private async Task<Story> StoryAsync(Features.Creators.FolioUser? author = null, StoryStatus status = StoryStatus.Published)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author ?? await _app.Data.PersonAsync(), status: status);
        story.Community = community;
        return story;
    }

    private Task<(int Impressions, int Qualities)> StoredAsync(int storyId) =>
        _app.WithDbAsync(async db => (
            await db.ReaderImpressions.CountAsync(i => i.StoryId == storyId),
            await db.ReaderInsights.CountAsync(i => i.StoryId == storyId)));
}
