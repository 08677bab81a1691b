using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Moderation;

public sealed class ModerationTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Story> SubmittedAsync(string title, TimeSpan ago)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), title, StoryForms.Words(150), status: StoryStatus.Draft);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.SubmitForReview(_app.Clock.UtcNow - ago);
            await db.SaveChangesAsync();
        });
        return story;
    }

    [Fact]
    public async Task TheQueueListsPendingStoriesOldestFirstWithTheirWait()
    {
        await SubmittedAsync("Newer", TimeSpan.FromMinutes(20));
        await SubmittedAsync("Oldest", TimeSpan.FromDays(3));
        await SubmittedAsync("Middle", TimeSpan.FromHours(5));
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var queue = await moderator.Http.GetHtmlAsync("/moderation");

        Assert.Equal(["Oldest", "Middle", "Newer"], queue.QuerySelectorAll(".queue-item__title").Select(t => t.TextContent));
        Assert.Equal(["Waiting 3 days", "Waiting about 5 hours", "Waiting 20 minutes"], queue.QuerySelectorAll(".queue-item__waiting").Select(t => t.TextContent));
    }

    [Fact]
    public async Task SendingBackNeedsAReasonAndOtherNeedsANote()
    {
        var story = await SubmittedAsync("Needs Work", TimeSpan.FromHours(1));
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var url = $"/moderation/stories/{story.Id}";

        var noReason = await (await moderator.Http.PostFormAsync($"{url}?handler=SendBack", [new("Note", "Hmm")], url)).ReadHtmlAsync();
        Assert.Contains("Choose at least one reason", noReason.QuerySelector("[data-valmsg-for=Reasons]")?.TextContent);
        Assert.Equal("Hmm", noReason.QuerySelector("textarea[name=Note]")?.TextContent.Trim());

        var otherWithoutNote = await (await moderator.Http.PostFormAsync($"{url}?handler=SendBack", [new("Reasons", "Other")], url)).ReadHtmlAsync();
        Assert.Contains("say what the author should change", otherWithoutNote.QuerySelector("[data-valmsg-for=Note]")?.TextContent);
        Assert.Equal("checked", otherWithoutNote.QuerySelector("#reason-Other")?.GetAttribute("checked"));

        Assert.Equal(StoryStatus.Pending, await _app.WithDbAsync(async db => (await db.Stories.FindAsync(story.Id))!.Status));
    }

    [Fact]
    public async Task ADecidedStoryCannotBeDecidedTwice()
    {
        var story = await SubmittedAsync("Once Only", TimeSpan.FromHours(1));
        using var first = await _app.ClientForAsync(Persona.Moderator);
        using var second = await _app.ClientForAsync(Persona.Moderator);
        var url = $"/moderation/stories/{story.Id}";
        var page = await second.Http.GetHtmlAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await first.Http.PostFormAsync($"{url}?handler=Approve", [], url);
        var late = await second.Http.PostAsync($"{url}?handler=SendBack",
            new FormUrlEncodedContent([new("Reasons", "Plagiarism"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(StoryStatus.Published, await _app.WithDbAsync(async db => (await db.Stories.FindAsync(story.Id))!.Status));
        var queue = await second.Http.GetHtmlAsync("/moderation");
        Assert.Contains("no longer waiting for review", queue.QuerySelector(".notice")?.TextContent);
    }

    [Fact]
    public async Task AReportedStoryCanBeUnpublishedFromTheReportsTab()
    {
        var community = await _app.Data.CommunityAsync("reported");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Trouble", StoryForms.Words(150));
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var another = await _app.ClientForAsync(Persona.Reader);
        var reportUrl = $"/stories/{story.Id}/report";

        var missingReason = await (await reader.Http.PostFormAsync(reportUrl, [new("Details", "kept text")], reportUrl)).ReadHtmlAsync();
        Assert.Equal("Choose what is wrong with the story.", missingReason.QuerySelector("[data-valmsg-for=Reason]")?.TextContent);
        Assert.Equal("kept text", missingReason.QuerySelector("textarea[name=Details]")?.TextContent.Trim());
        var sent = await (await reader.Http.PostFormAsync(reportUrl, [new("Reason", "Spam"), new("Details", "Links to a shop")], reportUrl)).ReadHtmlAsync();
        Assert.Contains("The moderators have your report", sent.QuerySelector(".notice")?.TextContent);
        await another.Http.PostFormAsync(reportUrl, [new("Reason", "Plagiarism")], reportUrl);

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var reports = await moderator.Http.GetHtmlAsync("/moderation/reports");
        Assert.Equal(2, reports.QuerySelectorAll(".report-item").Length);
        Assert.Contains("Links to a shop", reports.QuerySelector(".report-item__details")?.TextContent);
        var reportId = reports.QuerySelector(".report-item form[action*='Unpublish']")!.GetAttribute("action")!;

        var unpublished = await moderator.Http.PostFormAsync(reportId, [], "/moderation/reports");

        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        await _app.GetPageAsync("/reported/trouble", HttpStatusCode.NotFound);
        var after = await moderator.Http.GetHtmlAsync("/moderation/reports");
        Assert.Contains("No open reports.", after.QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task DismissingAReportLeavesTheStoryUp()
    {
        var community = await _app.Data.CommunityAsync("fine");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Harmless", StoryForms.Words(150));
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.PostFormAsync($"/stories/{story.Id}/report", [new("Reason", "Other"), new("Details", "I just disagree")], $"/stories/{story.Id}/report");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var reports = await moderator.Http.GetHtmlAsync("/moderation/reports");
        var dismiss = reports.QuerySelector(".report-item form[action*='Dismiss']")!.GetAttribute("action")!;

        await moderator.Http.PostFormAsync(dismiss, [], "/moderation/reports");

        await _app.GetPageAsync("/fine/harmless");
        Assert.Contains("No open reports.", (await moderator.Http.GetHtmlAsync("/moderation/reports")).QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task AuthorsCannotReportTheirOwnStory()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Mine", StoryForms.Words(150));

        var page = await (await creator.Http.PostFormAsync($"/stories/{story.Id}/report", [new("Reason", "Spam")], $"/stories/{story.Id}/report")).ReadHtmlAsync();

        Assert.Contains("This is your own story", page.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.StoryReports.Count())));
    }
}
