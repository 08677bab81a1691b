using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Folio.Tests.Insights;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Standing;

/// <summary>A suspended, banned or (where required) unconfirmed account, signed in with a cookie: reads, but can't act.</summary>
public sealed class StandingPageTests : IDisposable
{
    private readonly FolioApp _app = StandingCalls.RequiringConfirmedEmail();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(AccountState.Suspended)]
    [InlineData(AccountState.Banned)]
    [InlineData(AccountState.Unconfirmed)]
    public async Task EveryWritePathRefusesAnExistingSessionAtOnceAndSaysWhy(AccountState state)
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var own = await _app.Data.CommentAsync(story, reader.User!, "Said before the suspension");
        await _app.PutInAsync(reader.User!, state);
        const string tokenPage = "/settings/account"; // any page with the account's antiforgery token
        var words = StandingCalls.ExpectedWords(state);

        var refused = new Dictionary<string, HttpResponseMessage>
        {
            ["editor"] = await reader.Http.GetAsync("/write"),
            ["comment"] = await reader.Http.PostFormAsync($"/stories/{story.Id}/comments", [new("Body", "Buy now"), new("ParentId", ""), new("Website", "")], tokenPage),
            ["comment page"] = await reader.Http.GetAsync($"/stories/{story.Id}/comments"),
            ["edit"] = await reader.Http.PostFormAsync($"/comments/{own.Id}/edit", [new("Body", "Changed")], tokenPage),
            ["delete"] = await reader.Http.PostFormAsync($"/comments/{own.Id}?handler=Delete", [], tokenPage),
            ["heart"] = await reader.Http.PostFormAsync($"/stories/{story.Id}/heart", [new("give", "true")], tokenPage),
            ["insights"] = await reader.Http.PostFormAsync(InsightCalls.PickerUrl(story.Id), InsightCalls.Fields(Folio.Features.Insights.Impression.NiceWork), tokenPage),
            ["insights page"] = await reader.Http.GetAsync(InsightCalls.PickerUrl(story.Id)),
            ["profile"] = await reader.Http.PostFormAsync("/settings", [new("Input.Bio", "Buy now")], tokenPage),
        };

        foreach (var (path, response) in refused)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: expected 403, got {(int)response.StatusCode}");
            Assert.Contains(words, html, StringComparison.OrdinalIgnoreCase);
            if (state != AccountState.Unconfirmed)
            {
                Assert.Contains(StandingCalls.Reason, html);
            }
        }

        Assert.Equal("Said before the suspension", (await _app.CommentRowAsync(own.Id)).Body);
        Assert.Null((await _app.CommentRowAsync(own.Id)).DeletedAt);
        Assert.Equal(1, await _app.CommentCountAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Hearts.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReaderImpressions.CountAsync()));
    }

    [Theory]
    [InlineData(AccountState.Suspended)]
    [InlineData(AccountState.Banned)]
    [InlineData(AccountState.Unconfirmed)]
    public async Task ReadingSettingsAndReportingStayOpenAndTheStoryPageSaysWhyInsteadOfTheCommentBox(AccountState state)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.PutInAsync(reader.User!, state);

        var page = await reader.Http.GetHtmlAsync($"/{community.Slug}/{story.Slug}");
        await reader.Http.GetHtmlAsync("/settings/account");
        var profile = await reader.Http.GetHtmlAsync("/settings");
        await reader.Http.GetHtmlAsync("/notifications");
        await reader.Http.GetHtmlAsync("/following");
        await reader.Http.GetHtmlAsync($"/stories/{story.Id}/report");

        Assert.Null(page.QuerySelector("#comment-form"));
        Assert.Null(profile.QuerySelector("main form[enctype]"));
        Assert.Contains(StandingCalls.ExpectedWords(state), profile.QuerySelector(".standing-notice")?.TextContent, StringComparison.OrdinalIgnoreCase);
        var notice = page.QuerySelector("#comments .standing-notice")?.TextContent ?? "";
        Assert.Contains(StandingCalls.ExpectedWords(state), notice, StringComparison.OrdinalIgnoreCase);
        if (state == AccountState.Unconfirmed)
        {
            Assert.NotNull(page.QuerySelector("#comments .standing-notice form[action^='/check-inbox']"));
        }
    }

    [Fact]
    public async Task TheSuspensionSaysUntilWhenAndEverythingWorksAgainAfterIt()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.PutInAsync(reader.User!, AccountState.Suspended);
        var until = _app.Clock.UtcNow.AddDays(3);

        var refused = await (await reader.Http.GetAsync("/write")).ReadHtmlAsync();
        _app.Clock.Now = _app.Clock.Now.AddDays(3).AddMinutes(1);
        var posted = await reader.Http.CommentAsync(story, "Back again, and polite");

        Assert.Contains(until.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), refused.QuerySelector("main")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await _app.CommentCountAsync());
        await reader.Http.GetHtmlAsync("/write");
    }

    [Fact]
    public async Task TheEditorsScriptsGetProblemDetails()
    {
        using var reader = await _app.ClientForAsync(Persona.Creator);
        await _app.ConfirmAsync(reader.User!);
        var form = await reader.Http.GetHtmlAsync("/write");
        var token = form.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await _app.PutInAsync(reader.User!, AccountState.Banned);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/write/preview") { Content = JsonContent.Create(new { body = "Hello" }) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        var problem = await (await reader.Http.SendAsync(request)).ReadProblemAsync(403);

        Assert.Equal("banned", problem.GetProperty("reason").GetString());
        Assert.Contains(StandingCalls.Reason, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(AccountState.Suspended)]
    [InlineData(AccountState.Unconfirmed)]
    public async Task AStoryOrCommentRefusedMidWriteIsGivenBackNotLost(AccountState state)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.PutInAsync(creator.User!, state);
        const string tokenPage = "/settings/account";
        var draft = Writing.StoryForms.Fields(community.Slug, "The heron at dawn", body: "An hour of careful sentences about the heron.");

        var refusedStory = await creator.Http.PostFormAsync("/write?handler=Save", draft.Where(f => f.Key != "__handler"), tokenPage);
        var refusedComment = await creator.Http.PostFormAsync($"/stories/{story.Id}/comments",
            [new("Body", "A long and thoughtful reply"), new("ParentId", ""), new("Website", "")], tokenPage);

        var storyPage = await refusedStory.ReadHtmlAsync();
        var kept = storyPage.QuerySelectorAll(".kept-fields textarea").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(HttpStatusCode.Forbidden, refusedStory.StatusCode);
        Assert.Contains("The heron at dawn", kept);
        Assert.Contains("An hour of careful sentences about the heron.", kept);
        Assert.DoesNotContain(kept, value => value is "true" || value.Length > 100);
        Assert.Equal(["Community", "Title", "Subtitle", "Body", "Tags"],
            storyPage.QuerySelectorAll(".kept-fields label").Select(l => l.TextContent.Trim()));
        var commentPage = await refusedComment.ReadHtmlAsync();
        Assert.Equal(["A long and thoughtful reply"], commentPage.QuerySelectorAll(".kept-fields textarea").Select(t => t.TextContent.Trim()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Stories.CountAsync(s => s.Title == "The heron at dawn")));
    }
}
