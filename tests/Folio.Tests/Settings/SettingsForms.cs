using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;
using SkiaSharp;

namespace Folio.Tests.Settings;

/// <summary>What the settings tests share: the profile form as a browser would send it, uploads, and pictures.</summary>
internal static class SettingsForms
{
    /// <summary>Every field of the /settings profile form as currently shown, so a test changes only what it names.</summary>
    public static async Task<Dictionary<string, string>> ProfileFieldsAsync(this HttpClient browser)
    {
        var page = await browser.GetHtmlAsync("/settings");
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("[name='Input.DisplayName']") is not null);
        // As a browser sends it: a checkbox only when ticked, and then before the hidden "false" that follows it.
        return form.QuerySelectorAll("input[name], textarea[name]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Where(i => i.GetAttribute("type") != "checkbox" || i.HasAttribute("checked"))
            .GroupBy(i => i.GetAttribute("name")!)
            .Select(g => g.First())
            .ToDictionary(i => i.GetAttribute("name")!, i => i.TagName == "TEXTAREA" ? i.TextContent.TrimStart('\n', '\r') : i.GetAttribute("value") ?? "");
    }

    public static async Task<HttpResponseMessage> UploadAvatarAsync(this HttpClient browser, byte[] file, string fileName, string contentType = "image/png")
    {
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync("/settings"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "Avatar", fileName);
        return await browser.PostAsync("/settings?handler=Avatar", content);
    }

    /// <summary>A picture with a red left half and a blue right half, so a test can tell which way up it came back.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        surface.Canvas.DrawRect(0, 0, width / 2f, height, red);
        surface.Canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// 6300×6300 pixels, under the 40-megapixel cap, in a file of about 150 KB (two flat halves compress well),
    /// but 159 MB once decoded at full size. Made once: drawing it takes as much memory.
    /// </summary>
    public static byte[] HugePicture => Huge.Value;

    private static readonly Lazy<byte[]> Huge = new(() => Picture(6300, 6300));

    /// <summary>A picture of one-pixel black and white stripes, which shrinking by skipping pixels turns black, white or moiré.</summary>
    public static byte[] FineStripes(int width, int height)
    {
        using var pair = new SKBitmap(2, 1);
        pair.SetPixel(0, 0, SKColors.Black);
        pair.SetPixel(1, 0, SKColors.White);
        using var stripes = pair.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat);
        using var paint = new SKPaint { Shader = stripes };
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.DrawRect(0, 0, width, height, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A JPEG that says, in EXIF, that it must be turned 90° clockwise to be upright (as phones write them).</summary>
    public static byte[] JpegTurnedClockwise(int width, int height)
    {
        var jpeg = Picture(width, height, SKEncodedImageFormat.Jpeg);
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
