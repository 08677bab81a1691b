using System.Net;
using System.Net.Http.Json;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Hearts;

/// <summary>One heart per reader and story: given and taken back with a form, or in place by wwwroot/js/hearts.js.</summary>
public sealed class HeartTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AReaderGivesAHeartAndTakesItBack()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());
        Assert.Equal(("false", "1 heart"), await StateAsync(reader.Http, story));

        var given = await HeartAsync(reader.Http, story, give: true);

        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(UrlOf(story) + "#hearts", given.Headers.Location?.OriginalString);
        Assert.Equal(("true", "2 hearts"), await StateAsync(reader.Http, story));
        Assert.Equal("false", (await reader.Http.GetHtmlAsync(UrlOf(story))).QuerySelector("form[data-hearts] input[name=give]")?.GetAttribute("value"));

        await HeartAsync(reader.Http, story, give: false);
        Assert.Equal(("false", "1 heart"), await StateAsync(reader.Http, story));
    }

    [Fact]
    public async Task WithoutAWantedStateThePostToggles()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await HeartAsync(reader.Http, story, give: null);
        Assert.Equal(("true", "1 heart"), await StateAsync(reader.Http, story));
        await HeartAsync(reader.Http, story, give: null);
        Assert.Equal(("false", "0 hearts"), await StateAsync(reader.Http, story));
    }

    [Fact]
    public async Task EachReaderCountsOncePerStory()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await HeartAsync(reader.Http, story, give: true);
        await HeartAsync(reader.Http, story, give: true);

        Assert.Equal(1, await CountAsync(story));
        Assert.Equal(("true", "1 heart"), await StateAsync(reader.Http, story));
    }

    [Fact]
    public async Task TheScriptGetsTheCountAndStateAsJson()
    {
        var story = await StoryAsync();
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await HeartAsync(reader.Http, story, give: true, json: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new HeartResponse(2, true), await response.Content.ReadFromJsonAsync<HeartResponse>());
        var taken = await HeartAsync(reader.Http, story, give: null, json: true);
        Assert.Equal(new HeartResponse(1, false), await taken.Content.ReadFromJsonAsync<HeartResponse>());
    }

    [Fact]
    public async Task RequestsWithoutTheAntiforgeryTokenAreRefused()
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/heart") { Content = new FormUrlEncodedContent([new("give", "true")]) };
        request.Headers.Accept.ParseAdd("application/json");

        var script = await reader.Http.SendAsync(request);
        var form = await reader.Http.PostAsync($"/stories/{story.Id}/heart", new FormUrlEncodedContent([new("give", "true")]));

        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal("That request didn’t work", (await form.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
        Assert.Equal(0, await CountAsync(story));
    }

    [Fact]
    public async Task TheAuthorCannotHeartTheirOwnStory()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await StoryAsync(author.User);
        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());

        var page = await author.Http.GetHtmlAsync(UrlOf(story));
        Assert.Null(page.QuerySelector(".heart-button"));
        Assert.Equal("♥ 1 heart", page.QuerySelector(".story-hearts")?.TextContent.Trim());

        var form = await HeartAsync(author.Http, story, give: true);
        var json = await HeartAsync(author.Http, story, give: true, json: true);

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal("This page isn’t open to you", (await form.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Contains("your own story", await json.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(story));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task AVisitorIsSentToSignInAndBack()
    {
        var story = await StoryAsync();
        using var visitor = _app.NewBrowser();
        var signIn = $"/signin?returnUrl={Uri.EscapeDataString(UrlOf(story) + "#hearts")}";

        var page = await visitor.GetHtmlAsync(UrlOf(story));
        Assert.Equal(signIn, page.QuerySelector("#hearts a.heart-button")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form[data-hearts]"));
        var posted = await visitor.PostFormAsync($"/stories/{story.Id}/heart", new() { ["give"] = "true" }, "/signin");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(signIn, posted.Headers.Location?.OriginalString);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/heart");
        request.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.SendAsync(request)).StatusCode);
        Assert.Equal(0, await CountAsync(story));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheSameWishSentManyTimesAtOnceIsGrantedOnceWithoutAnError(bool give)
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        if (!give)
        {
            await HeartAsync(reader.Http, story, give: true);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => HeartAsync(reader.Http, story, give)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Equal(give ? 1 : 0, await CountAsync(story));
    }

    /// <summary>Bodies the fuzzer sent: a form labelled multipart without a boundary, or with one the body never reaches.</summary>
    [Theory]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task AFormThatCannotBeReadIsABadRequest(string contentType)
    {
        var story = await StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var token = (await reader.Http.GetHtmlAsync("/write")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var sendsTokenHeader in new[] { false, true })
        {
            var content = new StringContent($"give=true&__RequestVerificationToken={token}");
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/heart") { Content = content };
            if (sendsTokenHeader)
            {
                request.Headers.Add("RequestVerificationToken", token);
            }

            var response = await reader.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(0, await CountAsync(story));
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(null)]
    public async Task OnlyPublishedStoriesTakeHearts(StoryStatus? status)
    {
        var story = status is { } unpublished ? await StoryAsync(status: unpublished) : null;
        var id = story?.Id ?? 424242;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync($"/stories/{id}/heart", new() { ["give"] = "true" }, "/write");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Hearts.CountAsync()));
    }

    [Fact]
    public async Task TheAuthorIsNotifiedOfANewHeartButNotOfItsRemovalOrReturn()
    {
        var author = await _app.Data.PersonAsync();
        var story = await StoryAsync(author);
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await HeartAsync(reader.Http, story, give: true);
        await HeartAsync(reader.Http, story, give: true);
        await HeartAsync(reader.Http, story, give: false);
        await HeartAsync(reader.Http, story, give: true, json: true);

        var notice = Assert.Single(await _app.WithDbAsync(db => db.Notifications.ToListAsync()));
        Assert.Equal((author.Id, NotificationKind.HeartOnStory, reader.User!.Id, story.Id), (notice.RecipientId, notice.Kind, notice.ActorId, notice.StoryId));
    }

    private async Task<HttpResponseMessage> HeartAsync(HttpClient browser, Story story, bool? give, bool json = false)
    {
        var page = await browser.GetHtmlAsync("/write");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (give is { } wanted)
        {
            fields.Add(new("give", wanted ? "true" : "false"));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/heart") { Content = new FormUrlEncodedContent(fields) };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await browser.SendAsync(request);
    }

    private async Task<(string? Pressed, string? Label)> StateAsync(HttpClient browser, Story story)
    {
        var page = await browser.GetHtmlAsync(UrlOf(story));
        return (page.QuerySelector("form[data-hearts] button")?.GetAttribute("aria-pressed"), page.QuerySelector("#hearts .story-hearts")?.TextContent.Trim());
    }

    private Task<int> CountAsync(Story story) => _app.WithDbAsync(db => db.Hearts.CountAsync(h => h.StoryId == story.Id));

    private async Task<Story> StoryAsync(FolioUser? author = null, StoryStatus status = StoryStatus.Published)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author ?? await _app.Data.PersonAsync(), status: status);
        story.Community = community;
        return story;
    }

    private static string UrlOf(Story story) => $"/{story.Community.Slug}/{story.Slug}";
}
