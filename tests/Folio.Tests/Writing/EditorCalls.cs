using System.Net.Http.Json;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Writing;

/// <summary>The editor script's calls: JSON with the page's antiforgery token in a header.</summary>
public static class EditorCalls
{
    public static async Task<string> PostPreviewAsync(this HttpClient browser, string editorPage, string body)
    {
        var response = await browser.SendAsync(await WithTokenAsync(browser, editorPage, "/write/preview", new { body }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> PostAutosaveAsync(this HttpClient browser, int id, object draft) =>
        await browser.SendAsync(await WithTokenAsync(browser, "/write", $"/write/autosave/{id}", draft));

    private static async Task<HttpRequestMessage> WithTokenAsync(HttpClient browser, string page, string url, object json)
    {
        var document = await browser.GetHtmlAsync(page);
        var token = document.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(json) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
