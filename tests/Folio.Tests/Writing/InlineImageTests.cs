using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Folio.Tests.Standing;
using SkiaSharp;

namespace Folio.Tests.Writing;

/// <summary>POST /write/images, the editor's upload of a picture for the body: stored in widths, answered as JSON or a problem detail.</summary>
public sealed class InlineImageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] file, string fileName = "picture.png", string contentType = "image/png", bool withToken = true)
    {
        var token = "";
        if (withToken)
        {
            var editor = await browser.GetHtmlAsync("/write");
            token = editor.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        }

        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write/images") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task AnUploadedPictureIsStoredInItsWidthsAndItsUrlReturned()
    {
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var response = await UploadAsync(writer.Http, SettingsForms.Picture(1000, 750));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var url = json.GetProperty("url").GetString()!;
        Assert.Matches("^/media/images/[0-9a-f]{32}-1000x750\\.jpg$", url);
        Assert.Equal((1000, 750), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        using var webp = SKCodec.Create(new MemoryStream(await writer.Http.GetByteArrayAsync(url.Replace(".jpg", "-480.webp"))));
        Assert.Equal((SKEncodedImageFormat.Webp, 480, 360), (webp.EncodedFormat, webp.Info.Width, webp.Info.Height));
        using var jpeg = SKBitmap.Decode(await writer.Http.GetByteArrayAsync(url));
        Assert.Equal((1000, 750), (jpeg.Width, jpeg.Height));
    }

    // Each kind names its file rather than carrying it: xUnit serialises theory data byte by byte when it discovers the
    // tests, and the 8 MB file alone cost every test run over half a minute of CPU before any test ran.
    private static readonly Dictionary<string, Func<byte[]>> BadFileContents = new()
    {
        ["text"] = () => "just text, honestly"u8.ToArray(),
        ["svg"] = () => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"),
        ["gif"] = () => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
        ["oversize"] = () => new byte[8 * 1024 * 1024 + 1],
    };

    public static TheoryData<string, string, int, string> BadFiles => new()
    {
        { "text", "photo.png", 400, "isn’t a picture we can read" },
        { "svg", "drawing.svg", 400, "isn’t a picture we can read" },
        { "gif", "dot.gif", 400, "Only PNG, JPEG and WebP" },
        { "oversize", "huge.png", 413, "larger than 8 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AFileThatIsNotAUsablePictureIsRefusedWithAProblemDetail(string kind, string fileName, int status, string message)
    {
        var file = BadFileContents[kind]();
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var response = await UploadAsync(writer.Http, file, fileName);

        var problem = await response.ReadProblemAsync(status);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.False(Directory.Exists(Path.Combine(_app.DataDirectory, "media", "images")) && Directory.GetFiles(Path.Combine(_app.DataDirectory, "media", "images")).Length > 0, kind);
    }

    [Fact]
    public async Task AnonymousVisitorsAndSuspendedAccountsCannotUpload()
    {
        using var anonymous = _app.NewBrowser();
        var refused = await UploadAsync(anonymous, SettingsForms.Picture(64, 64), withToken: false);
        await refused.ReadProblemAsync(401);

        using var suspended = await _app.ClientForAsync(Persona.Reader);
        var token = (await suspended.Http.GetHtmlAsync("/write")).QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await _app.PutInAsync(suspended.User!, AccountState.Suspended);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(SettingsForms.Picture(64, 64)), "file", "x.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write/images") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        await (await suspended.Http.SendAsync(request)).ReadProblemAsync(403);
    }

    [Fact]
    public async Task AnUploadWithoutThePagesTokenIsRefused()
    {
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var response = await UploadAsync(writer.Http, SettingsForms.Picture(64, 64), withToken: false);

        await response.ReadProblemAsync(400);
    }
}
