using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using SkiaSharp;

namespace Folio.Tests.Writing;

public sealed class HeroImageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<HttpResponseMessage> PostWithHeroAsync(HttpClient browser, string community, string title, byte[] file, string fileName)
    {
        var page = await browser.GetHtmlAsync("/write");
        var token = page.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in StoryForms.Fields(community, title).Where(f => f.Key != "__handler").Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, "Input.HeroImage", fileName);
        return await browser.PostAsync("/write?handler=Save", content);
    }

    [Fact]
    public async Task AHeroImageIsReencodedAndServedFromMedia()
    {
        await _app.Data.CommunityAsync("heroes");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await PostWithHeroAsync(reader.Http, "heroes", "Wide Sky", SettingsForms.Picture(2400, 1200), "sky.png");

        var editor = await reader.Http.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        var src = editor.QuerySelector(".editor__hero-preview")?.GetAttribute("src");
        Assert.Matches("^/media/heroes/[0-9a-f]{32}\\.jpg$", src);
        var served = await reader.Http.GetByteArrayAsync(src);
        using var image = SKBitmap.Decode(served);
        Assert.Equal((1600, 800), (image.Width, image.Height));
    }

    [Fact]
    public async Task AFileThatIsNotAPictureIsRefusedAndTheTextIsKept()
    {
        await _app.Data.CommunityAsync("fakes");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await PostWithHeroAsync(reader.Http, "fakes", "Not a Picture", "just text, honestly"u8.ToArray(), "photo.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("isn’t a picture we can read", page.QuerySelector("[data-valmsg-for='Input.HeroImage']")?.TextContent);
        Assert.Equal("Not a Picture", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.Stories.Count())));
    }
}
