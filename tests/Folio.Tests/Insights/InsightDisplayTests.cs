using System.Net;
using AngleSharp.Html.Parser;
using Folio.Features.Creators;
using Folio.Features.Insights;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Insights;

/// <summary>What the story page, the in-place script and the author's dashboard show of reader insights.</summary>
public sealed class InsightDisplayTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheStoryLeadsWithTheMostGivenImpressionAndTiesGoToTheBetterOne()
    {
        var story = await StoryAsync();
        await ImpressionsAsync(story, Impression.NiceWork, Impression.NiceWork, Impression.Outstanding, Impression.Outstanding, Impression.GoodEffort);

        var tied = (await _app.GetPageAsync(UrlOf(story))).QuerySelector(".impression-lead")!;
        Assert.Equal("Outstanding", tied.QuerySelector(".impression-lead__name span")?.TextContent);
        Assert.Equal("2", tied.QuerySelector(".insight__count")?.TextContent);
        // Said as "2 readers": the noun is there for screen readers only.
        Assert.Equal(" readers", tied.QuerySelector(".insight__count + .visually-hidden")?.TextContent);
        Assert.Equal("Exceptional: the kind of story readers remember and share.", tied.QuerySelector(".impression-lead__blurb")?.TextContent);

        await ImpressionsAsync(story, Impression.NiceWork);
        var leading = (await _app.GetPageAsync(UrlOf(story))).QuerySelector(".impression-lead")!;
        Assert.Equal("Nice work", leading.QuerySelector(".impression-lead__name span")?.TextContent);
        Assert.Equal("3", leading.QuerySelector(".insight__count")?.TextContent);
        Assert.Equal("A solid piece that rewarded the time spent reading it.", leading.QuerySelector(".impression-lead__blurb")?.TextContent);
    }

    [Fact]
    public async Task TopInsightsAreTheFiveMostGivenWithCountsAndTheReaderSeesTheirOwn()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.Outstanding, InsightQuality.EasyToReadAndFollow, InsightQuality.OnPointAndRelevant);
        await _app.Data.InsightsAsync(story, await _app.Data.PersonAsync(), InsightQuality.EasyToReadAndFollow, InsightQuality.EyeOpening, InsightQuality.HeartfeltAndRelatable);
        await _app.Data.InsightsAsync(story, await _app.Data.PersonAsync(), InsightQuality.EasyToReadAndFollow, InsightQuality.EyeOpening, InsightQuality.MasterfulProofreading, InsightQuality.ExcellentStorytelling);

        var page = await reader.Http.GetHtmlAsync(UrlOf(story));

        var section = page.QuerySelector("#insights")!;
        var top = section.QuerySelectorAll(".insight").Select(i => (i.QuerySelector(".insight__name")!.FirstChild!.TextContent, i.QuerySelector(".insight__count")!.TextContent));
        Assert.Equal(
            [("Easy to read and follow", "3"), ("Eye opening", "2"), ("Heartfelt and relatable", "1"), ("Excellent storytelling", "1"), ("Masterful proofreading", "1")],
            top);
        Assert.Equal(["Easy to read and follow"], section.QuerySelectorAll(".insight--mine .insight__name").Select(n => n.FirstChild!.TextContent));
        Assert.Contains("3 readers have shared insights", section.TextContent);
        var mine = section.QuerySelector(".insights__mine")!;
        Assert.Equal("Outstanding", mine.QuerySelector("strong")?.TextContent);
        Assert.Equal(["Easy to read and follow", "On-point and relevant"], mine.QuerySelectorAll(".insights__mine-quality").Select(q => q.TextContent));
        var change = section.QuerySelectorAll("a").Single(a => a.TextContent == "Change your insights");
        Assert.Equal(InsightCalls.PickerUrl(story.Id), change.GetAttribute("href"));
        Assert.True(change.HasAttribute("data-insight-picker-link"));
        Assert.Equal("/insights", section.QuerySelectorAll("a").Single(a => a.TextContent == "How does it work?").GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='/js/insights.js']"));
    }

    [Fact]
    public async Task TheScriptGetsThePickerAndTheFreshSectionAsFragments()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var picker = await reader.Http.GetAsync(InsightCalls.PickerUrl(story.Id) + "?fragment=true");
        var pickerHtml = await picker.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        Assert.DoesNotContain("<html", pickerHtml);
        Assert.StartsWith("<form", pickerHtml.Trim());
        Assert.Contains("__RequestVerificationToken", pickerHtml);

        var invalid = await reader.Http.GiveInsightsInPlaceAsync(story.Id, null, InsightQuality.EyeOpening);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(InsightMessages.ChooseImpression, (await invalid.ReadHtmlAsync()).QuerySelector("form[data-insight-picker] [role=alert]")?.TextContent);

        var saved = await reader.Http.GiveInsightsInPlaceAsync(story.Id, Impression.GoodEffort, InsightQuality.EyeOpening);
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("<html", savedHtml);
        var section = (await new HtmlParser().ParseDocumentAsync(savedHtml)).QuerySelector("section#insights")!;
        Assert.Equal(InsightMessages.Saved, section.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("Good effort", section.QuerySelector(".impression-lead__name span")?.TextContent);
        Assert.Equal("Keep going: there’s something here worth building on.", section.QuerySelector(".impression-lead__blurb")?.TextContent);
        Assert.Contains(section.QuerySelectorAll("a"), a => a.TextContent == "Change your insights");

        var withdrawn = await (await reader.Http.WithdrawInsightsAsync(story.Id, inPlace: true)).ReadHtmlAsync();
        Assert.Contains("Be the first to share your insights", withdrawn.QuerySelector("section#insights")?.TextContent);
    }

    [Fact]
    public async Task RequestsWithoutTheAntiforgeryTokenAreRefused()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.NiceWork);

        var forged = await reader.Http.PostAsync(InsightCalls.PickerUrl(story.Id) + "?fragment=true",
            new FormUrlEncodedContent(InsightCalls.Fields(Impression.GoodEffort, InsightQuality.EyeOpening)));
        var forgedWithdrawal = await reader.Http.PostAsync(InsightCalls.PickerUrl(story.Id) + "?handler=Withdraw", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedWithdrawal.StatusCode);
        Assert.Equal(Impression.NiceWork, await _app.WithDbAsync(db => db.ReaderImpressions.Select(i => i.Impression).SingleAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReaderInsights.CountAsync()));
    }

    [Fact]
    public async Task TheAuthorIsNotifiedOnceWhenAReaderFirstGivesInsights()
    {
        var author = await _app.Data.PersonAsync();
        var story = await StoryAsync(author);
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await reader.Http.GiveInsightsAsync(story.Id, Impression.NiceWork, InsightQuality.EyeOpening);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.Outstanding);
        await reader.Http.WithdrawInsightsAsync(story.Id);
        await reader.Http.GiveInsightsAsync(story.Id, Impression.GoodEffort);
        using var another = await _app.ClientForAsync(Persona.Reader);
        await another.Http.GiveInsightsInPlaceAsync(story.Id, Impression.Outstanding);

        var notices = await _app.WithDbAsync(db => db.Notifications.OrderBy(n => n.Id)
            .Select(n => new { n.RecipientId, n.Kind, n.ActorId, n.StoryId }).ToListAsync());
        Assert.Equal(
            [new { RecipientId = author.Id, Kind = NotificationKind.InsightOnStory, ActorId = (string?)reader.User!.Id, StoryId = (int?)story.Id },
             new { RecipientId = author.Id, Kind = NotificationKind.InsightOnStory, ActorId = (string?)another.User!.Id, StoryId = (int?)story.Id }],
            notices);
    }

    [Fact]
    public async Task TheAuthorsDashboardShowsEveryCount()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await StoryAsync(author.User);
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());
        using var first = await _app.ClientForAsync(Persona.Reader);
        await first.Http.GiveInsightsAsync(story.Id, Impression.NiceWork, InsightQuality.EyeOpening);
        using var second = await _app.ClientForAsync(Persona.Reader);
        await second.Http.GiveInsightsAsync(story.Id, Impression.Outstanding, InsightQuality.EyeOpening, InsightQuality.MasterfulProofreading);
        using var third = await _app.ClientForAsync(Persona.Reader);
        await third.Http.GiveInsightsAsync(story.Id, Impression.Outstanding);
        await _app.Data.InsightsAsync(story, await _app.Data.PersonAsync(), InsightQuality.HeartfeltAndRelatable);

        var dashboard = await author.Http.GetHtmlAsync("/me/stories");

        var item = dashboard.QuerySelector("[data-status=Published]")!;
        Assert.Contains("♥ 2", item.QuerySelector(".dashboard-item__counts")?.TextContent);
        Assert.Contains("4 insights", item.QuerySelector(".dashboard-item__counts")?.TextContent);
        var breakdown = item.QuerySelector("details.insight-breakdown")!;
        Assert.Contains("4 readers", breakdown.QuerySelector("summary")?.TextContent);
        string Count(string selector) => breakdown.QuerySelector($"{selector} dd")!.TextContent;
        Assert.Equal(("2", "1", "0"), (Count("[data-impression=Outstanding]"), Count("[data-impression=NiceWork]"), Count("[data-impression=GoodEffort]")));
        Assert.Equal(("2", "1", "1", "0"),
            (Count("[data-quality=EyeOpening]"), Count("[data-quality=MasterfulProofreading]"), Count("[data-quality=HeartfeltAndRelatable]"), Count("[data-quality=OnPointAndRelevant]")));
        Assert.Equal(8, breakdown.QuerySelectorAll("[data-quality]").Length);
    }

    private async Task<Story> StoryAsync(FolioUser? author = null)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author ?? await _app.Data.PersonAsync());
        story.Community = community;
        return story;
    }

    private static string UrlOf(Story story) => $"/{story.Community.Slug}/{story.Slug}";

    private async Task ImpressionsAsync(Story story, params Impression[] impressions)
    {
        foreach (var impression in impressions)
        {
            var reader = await _app.Data.PersonAsync();
            await _app.WithDbAsync(async db =>
            {
                db.ReaderImpressions.Add(new ReaderImpression { StoryId = story.Id, ReaderId = reader.Id, Impression = impression, GivenAt = _app.Clock.UtcNow });
                await db.SaveChangesAsync();
            });
        }
    }
}
