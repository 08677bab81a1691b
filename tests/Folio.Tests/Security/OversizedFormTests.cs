using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Security;

/// <summary>A form or upload beyond what a page accepts is told so (413, or the form's own message), never "We couldn't find that page".</summary>
public sealed class OversizedFormTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AStoryFormOverTheFormLimitIsTooLarge()
    {
        await _app.Data.CommunityAsync("large");
        using var writer = await _app.ClientForAsync(Persona.Creator);

        var response = await writer.Http.PostStoryAsync(StoryForms.Fields("large", "Huge", body: new string('x', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than this page accepts", (await response.ReadHtmlAsync()).QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task AHeroJustOverEightMegabytesGetsTheFormsMessageWithTheStoryKept()
    {
        await _app.Data.CommunityAsync("large");
        using var writer = await _app.ClientForAsync(Persona.Creator);

        var response = await PostWithHeroAsync(writer.Http, 8 * 1024 * 1024 + 1);

        var page = await response.ReadHtmlAsync();
        Assert.Contains("larger than 8 MB", page.QuerySelector("[data-valmsg-for='Input.HeroImage']")?.TextContent);
        Assert.Equal("Kept title", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task AHeroFarOverTheLimitIsTooLarge()
    {
        await _app.Data.CommunityAsync("large");
        using var writer = await _app.ClientForAsync(Persona.Creator);

        var response = await PostWithHeroAsync(writer.Http, 10 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than this page accepts", (await response.ReadHtmlAsync()).QuerySelector("main")?.TextContent);
    }

    private static async Task<HttpResponseMessage> PostWithHeroAsync(HttpClient browser, int size)
    {
        var page = await browser.GetHtmlAsync("/write");
        var token = page.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in StoryForms.Fields("large", "Kept title").Where(f => f.Key != "__handler").Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(new byte[size]);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, "Input.HeroImage", "huge.png");
        return await browser.PostAsync("/write?handler=Save", content);
    }
}
