using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using SkiaSharp;

namespace Folio.Tests.Writing;

/// <summary>A hero is stored in several widths, JPEG and WebP, named from one base name; replacing it removes them all.</summary>
public sealed class HeroVariantTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private string Heroes => Path.Combine(_app.DataDirectory, "media", "heroes");

    private async Task<string> HeroSrcAsync(HttpClient browser, HttpResponseMessage saved) =>
        (await browser.GetHtmlAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".editor__hero-preview")!.GetAttribute("src")!;

    [Fact]
    public async Task AnUploadedHeroIsStoredInEveryWidthUpToItsOwnAsJpegAndWebp()
    {
        await _app.Data.CommunityAsync("variants");
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var saved = await writer.Http.PostWithHeroAsync("variants", "Wide Sky", SettingsForms.Picture(2400, 1200), "sky.png");

        var src = await HeroSrcAsync(writer.Http, saved);
        Assert.Matches("^/media/heroes/[0-9a-f]{32}-1600x800\\.jpg$", src);
        var baseName = Path.GetFileNameWithoutExtension(src);
        foreach (var (width, suffix) in new[] { (480, "-480"), (800, "-800"), (1200, "-1200"), (1600, "") })
        {
            foreach (var (extension, format) in new[] { ("jpg", SKEncodedImageFormat.Jpeg), ("webp", SKEncodedImageFormat.Webp) })
            {
                var bytes = await writer.Http.GetByteArrayAsync($"/media/heroes/{baseName}{suffix}.{extension}");
                using var codec = SKCodec.Create(new MemoryStream(bytes));
                Assert.NotNull(codec);
                Assert.Equal(format, codec.EncodedFormat);
                Assert.Equal((width, width / 2), (codec.Info.Width, codec.Info.Height));
                using var decoded = SKBitmap.Decode(bytes);
                Assert.NotNull(decoded);
            }
        }

        Assert.Equal(8, Directory.GetFiles(Heroes).Length);
    }

    [Fact]
    public async Task ASmallHeroIsNeverUpscaled()
    {
        await _app.Data.CommunityAsync("small-heroes");
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var saved = await writer.Http.PostWithHeroAsync("small-heroes", "Small Sky", SettingsForms.Picture(640, 360), "small.png");

        var src = await HeroSrcAsync(writer.Http, saved);
        Assert.Matches("^/media/heroes/[0-9a-f]{32}-640x360\\.jpg$", src);
        var names = Directory.GetFiles(Heroes).Select(Path.GetFileName).Order().ToArray();
        var baseName = Path.GetFileNameWithoutExtension(src);
        Assert.Equal(new[] { $"{baseName}-480.jpg", $"{baseName}-480.webp", $"{baseName}.jpg", $"{baseName}.webp" }.Order(), names);
    }

    [Fact]
    public async Task ReplacingAHeroDeletesEveryVariantOfTheOldOne()
    {
        await _app.Data.CommunityAsync("replaced");
        using var writer = await _app.ClientForAsync(Persona.Reader);
        var saved = await writer.Http.PostWithHeroAsync("replaced", "Changing Sky", SettingsForms.Picture(1000, 500), "first.png");
        var id = saved.StoryId();
        var first = Path.GetFileNameWithoutExtension(await HeroSrcAsync(writer.Http, saved));

        var replaced = await writer.Http.PostMultipartStoryAsync(StoryForms.Fields("replaced", "Changing Sky"), SettingsForms.Picture(900, 600), "second.png", id);

        var second = Path.GetFileNameWithoutExtension(await HeroSrcAsync(writer.Http, replaced));
        Assert.NotEqual(first, second);
        var names = Directory.GetFiles(Heroes).Select(Path.GetFileName).ToArray();
        Assert.DoesNotContain(names, name => name!.StartsWith(first, StringComparison.Ordinal));
        Assert.Equal(6, names.Count(name => name!.StartsWith(second, StringComparison.Ordinal)));
    }
}
