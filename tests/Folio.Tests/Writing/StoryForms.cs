using System.Net.Http.Headers;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Writing;

/// <summary>The editor form as a browser posts it.</summary>
public static class StoryForms
{
    public static string Words(int count, string word = "river") => string.Join(' ', Enumerable.Repeat(word, count));

    public static Dictionary<string, string> Fields(string community, string title, string subtitle = "A subtitle", string? body = null, string tags = "Rivers", string handler = "Save") => new()
    {
        ["Input.Community"] = community,
        ["Input.Title"] = title,
        ["Input.Subtitle"] = subtitle,
        ["Input.Body"] = body ?? Words(150),
        ["Input.Tags"] = tags,
        ["Input.CommentsEnabled"] = "true",
        ["__handler"] = handler,
    };

    /// <summary>Posts the editor form; returns the response (a redirect to /stories/{id}/edit on success).</summary>
    public static Task<HttpResponseMessage> PostStoryAsync(this HttpClient browser, Dictionary<string, string> fields, int? id = null)
    {
        var handler = fields["__handler"];
        var url = id is null ? $"/write?handler={handler}" : $"/stories/{id}/edit?handler={handler}";
        return browser.PostFormAsync(url, fields.Where(f => f.Key != "__handler"), id is null ? "/write" : $"/stories/{id}/edit");
    }

    public static int StoryId(this HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new Xunit.Sdk.XunitException($"No redirect: {(int)response.StatusCode}");
        return int.Parse(location.Split('/')[2]);
    }

    /// <summary>Saves a new story from /write with a hero image, as a browser posts the multipart form.</summary>
    public static Task<HttpResponseMessage> PostWithHeroAsync(this HttpClient browser, string community, string title, byte[] file, string fileName) =>
        browser.PostMultipartStoryAsync(Fields(community, title), file, fileName);

    /// <summary>Posts the editor's multipart form (to /write, or to the story's editor), with a hero image when one is given.</summary>
    public static async Task<HttpResponseMessage> PostMultipartStoryAsync(
        this HttpClient browser, Dictionary<string, string> fields, byte[]? file = null, string fileName = "hero.png", int? id = null)
    {
        var editor = id is null ? "/write" : $"/stories/{id}/edit";
        var page = await browser.GetHtmlAsync(editor);
        var token = page.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key != "__handler").Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, "Input.HeroImage", fileName);
        }

        return await browser.PostAsync($"{editor}?handler={fields["__handler"]}", content);
    }
}
