using System.Net;
using AngleSharp.Html.Parser;
using Folio.Features.Reads;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Reads;

/// <summary>What reads.js does in a browser: find the tracker on the story page, fetch a token from it, post it back once.</summary>
public static class ReadCalls
{
    public const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    public static HttpClient Browser(this FolioApp app, string? userAgent = Firefox)
    {
        var browser = app.NewBrowser();
        if (userAgent is not null)
        {
            browser.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return browser;
    }

    /// <summary>The token this view of the page gets; null when the page has no tracker or the token endpoint gives none.</summary>
    public static async Task<string?> ReadTokenAsync(this HttpClient browser, string storyUrl)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await (await browser.GetAsync(storyUrl)).Content.ReadAsStringAsync());
        var tokenUrl = page.QuerySelector("[data-read-token-url]")?.GetAttribute("data-read-token-url");
        if (tokenUrl is null)
        {
            return null;
        }

        using var response = await browser.PostAsync(tokenUrl, null);
        return response.StatusCode == HttpStatusCode.OK ? (await response.ReadJsonAsync()).GetProperty("token").GetString() : null;
    }

    public static Task<HttpResponseMessage> PostReadAsync(this HttpClient browser, int storyId, string token, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{storyId}/read")
        {
            Content = new FormUrlEncodedContent([new("token", token)]),
        };
        adjust?.Invoke(request);
        return browser.SendAsync(request);
    }

    public static Task<int> ReadsAsync(this FolioApp app, Story story) =>
        app.WithDbAsync(db => Task.FromResult(db.StoryReadDays.Where(d => d.StoryId == story.Id).Sum(d => d.Reads)));

    public static Task AddReadsAsync(this FolioApp app, Story story, params (int DaysAgo, int Reads)[] days) =>
        app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(app.Clock.UtcNow);
            foreach (var (daysAgo, reads) in days)
            {
                db.StoryReadDays.Add(new StoryReadDay { StoryId = story.Id, Day = today.AddDays(-daysAgo), Reads = reads });
            }

            await db.SaveChangesAsync();
        });
}
