using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Reads;

public sealed class ReadCountingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Story Story, string Url)> StoryAsync(Infrastructure.SignedInClient? author = null)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author?.User ?? await _app.Data.PersonAsync());
        return (story, $"/{community.Slug}/{story.Slug}");
    }

    [Fact]
    public async Task TheStoryPageSaysWhereToFetchATokenAndLoadsTheReadsScriptButCarriesNoToken()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();

        var page = await browser.GetHtmlAsync(url);

        var marker = page.QuerySelector(".story-body + [data-read-token-url]");
        Assert.NotNull(marker);
        Assert.Equal($"/stories/{story.Id}/read-token", marker.GetAttribute("data-read-token-url"));
        Assert.Equal($"/stories/{story.Id}/read", marker.GetAttribute("data-read-url"));
        Assert.Null(page.QuerySelector("[data-read-token]"));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='/js/reads.js']"));
    }

    [Fact]
    public async Task EachTokenRequestGetsAFreshTokenThatNoCacheMayKeep()
    {
        var (story, _) = await StoryAsync();
        using var browser = _app.Browser();

        using var first = await browser.PostAsync($"/stories/{story.Id}/read-token", null);
        using var second = await browser.PostAsync($"/stories/{story.Id}/read-token", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.NotEqual((await first.ReadJsonAsync()).GetProperty("token").GetString(), (await second.ReadJsonAsync()).GetProperty("token").GetString());
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task BotsGetNoToken(string userAgent)
    {
        var (story, _) = await StoryAsync();
        using var bot = _app.Browser(userAgent == "" ? null : userAgent);

        using var response = await bot.PostAsync($"/stories/{story.Id}/read-token", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task TheAuthorGetsNoTokenAndAnUnknownOrUnpublishedStoryIsNotFound()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        author.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ReadCalls.Firefox);
        var (story, _) = await StoryAsync(author);
        var community = await _app.Data.CommunityAsync();
        var draft = await _app.Data.StoryAsync(community, author.User!, status: StoryStatus.Draft);
        using var visitor = _app.Browser();

        Assert.Equal(HttpStatusCode.NoContent, (await author.Http.PostAsync($"/stories/{story.Id}/read-token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostAsync($"/stories/{draft.Id}/read-token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostAsync("/stories/999999/read-token", null)).StatusCode);
    }

    [Fact]
    public async Task AReadWithAValidTokenCountsOnceAndAReplayDoesNot()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();
        var token = await browser.ReadTokenAsync(url);

        var first = await browser.PostReadAsync(story.Id, token!);
        var replay = await browser.PostReadAsync(story.Id, token!);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        Assert.Equal(1, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task EachPageViewIsOneReadAndReadsOnTheSameDayAddUp()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();

        foreach (var _ in Enumerable.Range(0, 3))
        {
            await browser.PostReadAsync(story.Id, (await browser.ReadTokenAsync(url))!);
        }

        _app.Clock.Now = _app.Clock.Now.AddDays(1);
        await browser.PostReadAsync(story.Id, (await browser.ReadTokenAsync(url))!);

        var days = await _app.WithDbAsync(db => Task.FromResult(db.StoryReadDays.Where(d => d.StoryId == story.Id).OrderBy(d => d.Day).Select(d => d.Reads).ToList()));
        Assert.Equal([3, 1], days);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task BotsAndEmptyUserAgentsDoNotCount(string userAgent)
    {
        var (story, url) = await StoryAsync();
        using var person = _app.Browser();
        var token = await person.ReadTokenAsync(url);
        using var bot = _app.Browser(userAgent == "" ? null : userAgent);

        var response = await bot.PostReadAsync(story.Id, token!);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await _app.ReadsAsync(story));
        await person.PostReadAsync(story.Id, token!); // the bot didn't spend the page's token
        Assert.Equal(1, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task PrefetchesDoNotCount()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();
        var token = await browser.ReadTokenAsync(url);

        await browser.PostReadAsync(story.Id, token!, request => request.Headers.Add("Sec-Purpose", "prefetch;prerender"));

        Assert.Equal(0, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task TheAuthorsOwnReadDoesNotCount()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        author.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ReadCalls.Firefox);
        var (story, url) = await StoryAsync(author);
        using var visitor = _app.Browser();

        Assert.Null(await author.Http.ReadTokenAsync(url));
        var response = await author.Http.PostReadAsync(story.Id, (await visitor.ReadTokenAsync(url))!);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task ForgedTamperedOrMisdirectedTokensAreRefused()
    {
        var (story, url) = await StoryAsync();
        var (other, _) = await StoryAsync();
        using var browser = _app.Browser();
        var token = (await browser.ReadTokenAsync(url))!;
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostReadAsync(story.Id, "not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostReadAsync(story.Id, tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostReadAsync(other.Id, token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/stories/{story.Id}/read", null)).StatusCode);
        Assert.Equal(0, await _app.ReadsAsync(story));
        Assert.Equal(0, await _app.ReadsAsync(other));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();
        var token = (await browser.ReadTokenAsync(url))!;

        _app.Clock.Now = _app.Clock.Now.AddHours(6).AddMinutes(1);
        var response = await browser.PostReadAsync(story.Id, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task TheReadEndpointSetsNoCookieAndNeedsNoAntiforgeryToken()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();
        var token = (await browser.ReadTokenAsync(url))!;

        var response = await browser.PostReadAsync(story.Id, token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(1, await _app.ReadsAsync(story));
    }

    [Fact]
    public async Task AnUnpublishedStoryCountsNoReads()
    {
        var (story, url) = await StoryAsync();
        using var browser = _app.Browser();
        var token = (await browser.ReadTokenAsync(url))!;
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostReadAsync(story.Id, token)).StatusCode);
        Assert.Equal(0, await _app.ReadsAsync(story));
    }
}
