using System.Net;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using SkiaSharp;

namespace Folio.Tests.Writing;

public sealed class HeroImageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AHeroImageIsReencodedAndServedFromMedia()
    {
        await _app.Data.CommunityAsync("heroes");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await reader.Http.PostWithHeroAsync("heroes", "Wide Sky", SettingsForms.Picture(2400, 1200), "sky.png");

        var editor = await reader.Http.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        var src = editor.QuerySelector(".editor__hero-preview")?.GetAttribute("src");
        Assert.Matches("^/media/heroes/[0-9a-f]{32}-1600x800\\.jpg$", src);
        var served = await reader.Http.GetByteArrayAsync(src);
        using var image = SKBitmap.Decode(served);
        Assert.Equal((1600, 800), (image.Width, image.Height));
    }

    [Fact]
    public async Task AHugePictureInASmallFileBecomesAHero1600PixelsWide()
    {
        await _app.Data.CommunityAsync("huge-heroes");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await reader.Http.PostWithHeroAsync("huge-heroes", "Huge Sky", SettingsForms.HugePicture, "huge.png");

        var editor = await reader.Http.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        var src = editor.QuerySelector(".editor__hero-preview")?.GetAttribute("src");
        using var image = SKBitmap.Decode(await reader.Http.GetByteArrayAsync(src));
        Assert.Equal((1600, 1600), (image.Width, image.Height));
        Assert.True(image.GetPixel(10, 800).Red > 240 && image.GetPixel(10, 800).Blue < 16, "the left half should stay red");
        Assert.True(image.GetPixel(1590, 800).Blue > 240 && image.GetPixel(1590, 800).Red < 16, "the right half should stay blue");
    }

    [Fact]
    public async Task AFileThatIsNotAPictureIsRefusedAndTheTextIsKept()
    {
        await _app.Data.CommunityAsync("fakes");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostWithHeroAsync("fakes", "Not a Picture", "just text, honestly"u8.ToArray(), "photo.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("isn’t a picture we can read", page.QuerySelector("[data-valmsg-for='Input.HeroImage']")?.TextContent);
        Assert.Equal("Not a Picture", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.Stories.Count())));
    }
}
