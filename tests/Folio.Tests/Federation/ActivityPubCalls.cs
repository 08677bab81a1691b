using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

/// <summary>Requests as a fediverse server makes them: asking for ActivityStreams JSON, with no cookies.</summary>
internal static class ActivityPubCalls
{
    public const string ActivityJson = "application/activity+json";

    public static HttpRequestMessage Ask(string url, string accept = ActivityJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return request;
    }

    /// <summary>The document at <paramref name="url"/>, checked to be a 200 of ActivityStreams JSON.</summary>
    public static async Task<JsonElement> ActivityAsync(this FolioApp app, string url, string accept = ActivityJson)
    {
        using var client = app.NewBrowser();
        using var response = await client.SendAsync(Ask(url, accept));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        Assert.Equal(ActivityJson, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Checks <paramref name="url"/> answers a 404 problem, whatever the client asked for.</summary>
    public static async Task NotFoundAsync(this FolioApp app, string url)
    {
        using var client = app.NewBrowser();
        using var response = await client.SendAsync(Ask(url));
        await response.ReadProblemAsync(404);
    }

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is null");

    public static string[] Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The path of one of Folio's own absolute URLs, which a test client asks for.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;
}
