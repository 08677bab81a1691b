using System.Net;
using System.Text;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Folio.Tests.Settings;

public sealed class AvatarTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task UploadedPictureIsCroppedToA256PixelSquareAndServedFromMedia()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var upload = SettingsForms.Picture(900, 600).Concat(Encoding.UTF8.GetBytes("<script>alert(1)</script>")).ToArray();

        var response = await reader.Http.UploadAvatarAsync(upload, "me.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = await AvatarUrlAsync(reader);
        Assert.StartsWith("/media/avatars/", url);
        Assert.EndsWith(".png", url);
        var served = await reader.Http.GetAsync(url);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(bytes));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.Red, bitmap.GetPixel(10, 128));
        Assert.Equal(SKColors.Blue, bitmap.GetPixel(245, 128));
        var profile = await _app.GetPageAsync($"/authors/{reader.User!.UserName}");
        Assert.Equal(url, profile.QuerySelector(".profile-header__avatar")?.GetAttribute("src"));
    }

    [Fact]
    public async Task AHugePictureInASmallFileBecomesA256PixelAvatar()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.UploadAvatarAsync(SettingsForms.HugePicture, "huge.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var bitmap = SKBitmap.Decode(await reader.Http.GetByteArrayAsync(await AvatarUrlAsync(reader)));
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.Red, bitmap.GetPixel(10, 128));
        Assert.Equal(SKColors.Blue, bitmap.GetPixel(245, 128));
    }

    [Fact]
    public async Task FineStripesInALargePictureAverageToGreyInsteadOfAliasing()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await reader.Http.UploadAvatarAsync(SettingsForms.FineStripes(5000, 5000), "stripes.png");

        using var bitmap = SKBitmap.Decode(await reader.Http.GetByteArrayAsync(await AvatarUrlAsync(reader)));
        var shades = Enumerable.Range(0, 256).Select(x => bitmap.GetPixel(x, 128).Red).ToArray();
        Assert.True(shades.All(shade => shade is > 64 and < 192), $"every pixel should be a grey, not black or white; got {shades.Min()} to {shades.Max()}");
    }

    [Fact]
    public async Task ReplacingOrRemovingThePictureDeletesTheOldFile()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.UploadAvatarAsync(SettingsForms.Picture(300, 300, SKEncodedImageFormat.Webp), "first.webp", "image/webp");
        var first = await AvatarUrlAsync(reader);

        await reader.Http.UploadAvatarAsync(SettingsForms.Picture(300, 300, SKEncodedImageFormat.Jpeg), "second.jpg", "image/jpeg");
        var second = await AvatarUrlAsync(reader);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(second)).StatusCode);

        await reader.Http.PostFormAsync("/settings?handler=RemoveAvatar", new(), "/settings");

        Assert.Null(await AvatarUrlAsync(reader));
        Assert.False(File.Exists(Path.Combine(_app.DataDirectory, "media", "avatars", Path.GetFileName(second!))));
    }

    [Fact]
    public async Task PhotosTakenSidewaysComeOutUpright()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await reader.Http.UploadAvatarAsync(SettingsForms.JpegTurnedClockwise(400, 200), "phone.jpg", "image/jpeg");

        using var bitmap = SKBitmap.Decode(await reader.Http.GetByteArrayAsync(await AvatarUrlAsync(reader)));
        Assert.True(bitmap.GetPixel(128, 20).Red > 200, "the red left half should be on top once turned");
        Assert.True(bitmap.GetPixel(128, 236).Blue > 200, "the blue right half should be at the bottom once turned");
    }

    [Fact]
    public async Task FilesThatAreNotPicturesAreRefusedWithAMessage()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        foreach (var (bytes, name, message) in new[]
        {
            (Encoding.UTF8.GetBytes("just some text, honestly"), "photo.png", "isn’t a picture we can read"),
            (GifBytes(), "anim.png", "Only PNG, JPEG and WebP"),
            (Array.Empty<byte>(), "empty.png", "empty"),
        })
        {
            var response = await reader.Http.UploadAvatarAsync(bytes, name);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Avatar']")?.TextContent);
        }

        Assert.Equal("/demo/avatars/maya.svg", await AvatarUrlAsync(reader));
        Assert.False(Directory.Exists(Path.Combine(_app.DataDirectory, "media", "avatars"))
            && Directory.EnumerateFiles(Path.Combine(_app.DataDirectory, "media", "avatars")).Any());
    }

    [Fact]
    public async Task PicturesOverTwoMegabytesGetAMessageNotAnErrorPage()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var big = SettingsForms.Picture(64, 64).Concat(new byte[2 * 1024 * 1024]).ToArray();

        var response = await reader.Http.UploadAvatarAsync(big, "big.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("That file is larger than 2 MB. Choose a smaller picture.", page.QuerySelector("[data-valmsg-for='Avatar']")?.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Input.DisplayName']"));
    }

    private Task<string?> AvatarUrlAsync(SignedInClient client) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.Id == client.User!.Id).Select(u => u.AvatarUrl).SingleAsync());

    private static byte[] GifBytes() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
}
